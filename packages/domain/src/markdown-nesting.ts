/**
 * Quotes and lists nest at most this deep in a post. Real posts rarely pass five levels; each level costs
 * the renderer a chain of stack frames and the page a nested box, so a deep enough input (2,000 `>`)
 * overflowed the renderer's stack.
 */
export const MAX_MARKDOWN_NESTING = 20;

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
/** A line of only `-`, `*` or `_` (three or more, spaces between allowed) is a horizontal rule, not lists. */
const THEMATIC_BREAK = /^[ \t]*([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
/** The run of quote markers and list bullets that opens a line: each one opens a level. */
const NESTING_PREFIX = /^(?:[ \t]*(?:>|[-+*](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$)))+/;
const MARKER = />|[-+*]|\d{1,9}[.)]/g;

/** The deepest run of quote and list markers that starts a line, outside fenced code. */
export function markdownNestingDepth(source: string): number {
  let deepest = 0;
  let fence: string | null = null;
  for (const line of source.split('\n')) {
    const fenceMark = FENCE.exec(line)?.[1];
    if (fence) {
      if (fenceMark && fenceMark[0] === fence[0] && fenceMark.length >= fence.length) fence = null;
      continue;
    }
    if (fenceMark) {
      fence = fenceMark;
      continue;
    }
    if (THEMATIC_BREAK.test(line)) continue;
    const prefix = NESTING_PREFIX.exec(line)?.[0] ?? '';
    deepest = Math.max(deepest, prefix.match(MARKER)?.length ?? 0);
  }
  return deepest;
}
