import type { AppConfig } from '../config/config';

const DUE_FORMAT = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });

/** "25 Nov 2025, 14:00 UTC": e-mails have no time zone of the reader, so UTC and said so. */
export function formatDue(at: Date): string {
  return `${DUE_FORMAT.format(at)} UTC`;
}

/** “Title”, shortened so a message stays one line. */
export function quoted(title: string): string {
  const short = [...title].length > 120 ? `${[...title].slice(0, 119).join('')}…` : title;
  return `“${short}”`;
}

/** Where the web app shows a question; null when PUBLIC_URL is not configured. */
export function questionUrl(config: AppConfig, questionId: string): string | null {
  return config.publicUrl ? `${config.publicUrl}/questions/${questionId}` : null;
}
