import TurndownService from 'turndown';

const turndown = new TurndownService({ headingStyle: 'atx', codeBlockStyle: 'fenced', bulletListMarker: '-', emDelimiter: '*' });
// Stack Exchange marks code blocks as <pre><code>; keep strikethrough as Markdown too.
turndown.addRule('strikethrough', { filter: ['del', 's'], replacement: (content) => `~~${content}~~` });

/** A post body from a dump (HTML) as the Markdown Peerdesk stores; rendering it back sanitizes it. */
export function htmlToMarkdown(html: string): string {
  return turndown.turndown(html).trim();
}
