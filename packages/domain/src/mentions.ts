import { LIMITS } from './validation';

/**
 * An @mention names one member for certain. Display names are neither unique nor free of spaces, and
 * members have no other handle, so the token is the display name for the reader (spaces as
 * underscores, only letters, digits and `_ . ' -`) then `#` and the member's id, which alone decides
 * who is meant: `@Ann_Lee#42`. A renamed member is still mentioned by an old token; the editor's
 * autocomplete writes the token, so nobody has to know an id.
 */
export function mentionToken(user: { id: string; displayName: string }): string {
  const name = user.displayName.trim().replace(/\s+/gu, '_').replace(NOT_NAME_CHARACTER, '');
  return `@${name || 'member'}#${user.id}`;
}

const NOT_NAME_CHARACTER = /[^\p{L}\p{N}_.'-]/gu;

/**
 * `@` opens a mention only where a word cannot go on (so `ann@example.com`, `\@` and a URL's `/@x` are not
 * mentions); the id ends it.
 */
const MENTION = /(?<![\p{L}\p{N}_.%+\-@/\\])@[\p{L}\p{N}_.'-]{1,60}#([1-9]\d{0,17})(?![\p{L}\p{N}_#])/gu;

/**
 * The ids of the members a Markdown text mentions, in order of first mention, each once, at most
 * `limit` (a post naming more notifies only the first ones). Code is not prose: nothing in a fenced or
 * indented code block or a code span is a mention.
 */
export function mentionedUserIds(markdown: string, limit: number = LIMITS.mentionsPerPost.max): string[] {
  const ids: string[] = [];
  for (const match of withoutCodeSpans(withoutCodeBlocks(markdown)).matchAll(MENTION)) {
    if (ids.length >= limit) break;
    if (!ids.includes(match[1])) ids.push(match[1]);
  }
  return ids;
}

/**
 * The members an edit mentions that the text before it did not (as notified then: within `limit`): only they hear
 * of the edit; those mentioned before were told when the post was published or first named them.
 */
export function newlyMentionedUserIds(before: string, after: string, limit: number = LIMITS.mentionsPerPost.max): string[] {
  const already = new Set(mentionedUserIds(before, limit));
  return mentionedUserIds(after, limit).filter((id) => !already.has(id));
}

const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})/;
const INDENTED = /^(?: {4}|\t)/;

/** Drops fenced blocks (to their closing fence, or the end) and indented blocks (after a blank line), keeping the lines between. */
function withoutCodeBlocks(markdown: string): string {
  const kept: string[] = [];
  let fence: string | null = null;
  let previousBlank = true;
  let inIndentedBlock = false;
  for (const line of markdown.split(/\r?\n/)) {
    if (fence !== null) {
      const close = FENCE_OPEN.exec(line);
      if (close && close[1][0] === fence[0] && close[1].length >= fence.length && line.trim() === close[1]) fence = null;
      kept.push('');
      continue;
    }
    const open = FENCE_OPEN.exec(line);
    if (open) {
      fence = open[1];
      kept.push('');
      continue;
    }
    const blank = line.trim() === '';
    inIndentedBlock = !blank && INDENTED.test(line) && (previousBlank || inIndentedBlock);
    kept.push(inIndentedBlock ? '' : line);
    previousBlank = blank;
  }
  return kept.join('\n');
}

/** A code span runs from a run of backticks to the next run of the same length. */
function withoutCodeSpans(text: string): string {
  return text.replace(/(?<!`)(`+)(?!`)[\s\S]*?(?<!`)\1(?!`)/g, ' ');
}
