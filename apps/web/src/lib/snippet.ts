/**
 * A search snippet as HTML, or null when it is not the shape the API promises (escaped text whose only
 * markup is <mark>…</mark>) — then the page shows it as plain text instead of trusting it.
 */
export function markOnlyHtml(snippet: string): string | null {
  const withoutMarks = snippet.replace(/<\/?mark>/g, '');
  return withoutMarks.includes('<') || withoutMarks.includes('>') ? null : snippet;
}

/** A snippet's words without any markup, for when it cannot be shown as HTML. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
