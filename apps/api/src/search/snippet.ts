/**
 * Snippet markers: Unicode private-use characters, removed from the text before highlighting, so the
 * only ones left are the engine's. Everything else is HTML-escaped here, then the markers become
 * <mark>: a post or a query containing HTML can never put markup in a snippet.
 */
export const SNIPPET_START = '\uE000';
export const SNIPPET_STOP = '\uE001';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

/** Text with SNIPPET_START/SNIPPET_STOP around matches → escaped HTML with <mark> around matches. */
export function markedSnippet(marked: string): string {
  return escapeHtml(marked.replace(/\s+/g, ' ').trim())
    .replaceAll(SNIPPET_START, '<mark>')
    .replaceAll(SNIPPET_STOP, '</mark>');
}
