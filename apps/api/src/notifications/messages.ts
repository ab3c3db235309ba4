import type { AppConfig } from '../config/config';

/** “Title”, shortened so a message stays one line. */
export function quoted(title: string): string {
  const short = [...title].length > 120 ? `${[...title].slice(0, 119).join('')}…` : title;
  return `“${short}”`;
}

/** Where the web app shows a question; null when PUBLIC_URL is not configured. */
export function questionUrl(config: AppConfig, questionId: string): string | null {
  return config.publicUrl ? `${config.publicUrl}/questions/${questionId}` : null;
}
