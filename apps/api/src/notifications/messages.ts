import type { AppConfig } from '../config/config';

/** “Title”, shortened so a message stays one line. */
export function quoted(title: string): string {
  // No more UTF-16 units than 120 is no more characters than 120: most titles are never split into characters.
  if (title.length <= 120) return `“${title}”`;
  const characters = [...title];
  return `“${characters.length > 120 ? `${characters.slice(0, 119).join('')}…` : title}”`;
}

/** Where the web app shows a question; null when PUBLIC_URL is not configured. */
export function questionUrl(config: AppConfig, questionId: string): string | null {
  return config.publicUrl ? `${config.publicUrl}/questions/${questionId}` : null;
}
