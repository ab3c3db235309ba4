import { webUrl } from '../auth/account-mails';
import type { AppConfig } from '../config/config';

export interface ReminderMailAnswer {
  authorName: string;
  excerpt: string;
  token: string;
}

/** The web page that shows a link's choice and confirms it with a POST (mail scanners only follow GETs). */
export function reminderLinkUrl(config: AppConfig, token: string): string {
  return `${webUrl(config)}/reminders/${encodeURIComponent(token)}`;
}

/** "Did this solve it?": each peer answer with a link to accept it, and one link for "it did not help". */
export function acceptReminderMail(
  config: AppConfig,
  reminder: { askerName: string; questionTitle: string; answers: ReminderMailAnswer[]; notHelpedToken: string; validDays: number },
): { subject: string; body: string } {
  return {
    subject: `Did this solve it? ${reminder.questionTitle}`.slice(0, 150),
    body: [
      `Hello ${reminder.askerName},`,
      '',
      `Members answered your question "${reminder.questionTitle}". If one of the answers solved it, accept it: the next person with the same problem will find it.`,
      '',
      ...reminder.answers.flatMap((a) => [`${a.authorName}: ${a.excerpt}`, `This solved it: ${reminderLinkUrl(config, a.token)}`, '']),
      `None of them helped? Our team will take it from here: ${reminderLinkUrl(config, reminder.notHelpedToken)}`,
      '',
      `Each link asks you to confirm. The links work once, for ${reminder.validDays} days.`,
      '',
      '--',
      'Peerdesk',
    ].join('\n'),
  };
}
