import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { acceptReminderDueAt, conflict, notFound } from '@peerdesk/domain';
import { AnswersService } from '../answers/answers.service';
import { hashSessionToken, newSessionToken } from '../auth/session-token';
import { CLOCK, type Clock } from '../common/clock';
import type { BatchResult } from '../common/jobs/batches';
import { DomainEvents, type DomainEvent, type DomainEventHandler } from '../common/domain-events';
import type { AppConfig } from '../config/config';
import { CONFIG } from '../config/config.provider';
import { Transactions } from '../database/transactions';
import { EscalationService } from '../escalation/escalation.service';
import { EmailOutbox } from '../notifications/email-outbox';
import { type NotificationGroup, NotificationsRepository } from '../notifications/notifications.repository';
import { QuestionsRepository } from '../questions/questions.repository';
import { UsersRepository } from '../users/users.repository';
import { AcceptRemindersRepository, type NewReminderLink, type ReminderFigures, type ReminderLink } from './accept-reminders.repository';
import { acceptReminderMail } from './reminder-mail';

const DAY_MS = 24 * 3600 * 1000;

export type ReminderChoice = 'ACCEPTED' | 'NOT_HELPED';

/**
 * Reminders to accept: scheduled by a question's first peer answer (`acceptReminderDueAt`), sent once by a
 * job as an in-app notification and an e-mail with one-click links, and used through those links (accept
 * one answer, or "it did not help": to staff at once) by the asker, signed in or not.
 */
@Injectable()
export class AcceptRemindersService implements OnModuleInit, DomainEventHandler {
  constructor(
    private readonly transactions: Transactions,
    private readonly reminders: AcceptRemindersRepository,
    private readonly questions: QuestionsRepository,
    private readonly users: UsersRepository,
    private readonly notifications: NotificationsRepository,
    private readonly outbox: EmailOutbox,
    private readonly answers: AnswersService,
    private readonly escalation: EscalationService,
    private readonly events: DomainEvents,
    @Inject(CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    if (this.config.acceptReminderHours > 0) this.events.subscribe(this);
  }

  async handle(em: EntityManager, event: DomainEvent): Promise<void> {
    if (event.type !== 'answer.posted' || event.authorKind !== 'PEER') return;
    const question = await this.reminders.factsFor(em, event.questionId);
    // The asker answering themself is not peer help; imported history gets no reminder, like no community clock.
    if (!question || question.scheduled || question.askerId === event.authorId || question.imported) return;
    const dueAt = acceptReminderDueAt(
      { askedAt: question.askedAt, firstPeerAnswerAt: event.at },
      { unsolvedWindowHours: question.unsolvedWindowHours, reminderHours: this.config.acceptReminderHours },
    );
    await this.reminders.schedule(em, event.questionId, dueAt);
  }

  /**
   * Sends up to `limit` due reminders in one transaction: the claimed rows are locked (SKIP LOCKED), so
   * racing processes never send one twice. A question solved, escalated or closed meanwhile, or with no
   * visible peer answer left, is skipped for good. Returns the questions reminded.
   */
  async sendDueBatch(limit: number): Promise<BatchResult> {
    return this.transactions.run(async (em) => {
      const now = this.clock.now();
      const due = await this.reminders.claimDue(em, now, limit);
      const answers = await this.reminders.peerAnswers(em, due.filter((d) => d.open).map((d) => d.questionId));
      const toSend = due.filter((d) => d.open && answers.some((a) => a.questionId === d.questionId));
      await this.reminders.markSkipped(em, due.filter((d) => !toSend.includes(d)).map((d) => d.questionId), now);
      const expiresAt = new Date(now.getTime() + this.config.acceptReminderLinkDays * DAY_MS);
      await this.reminders.markSent(em, toSend.map((d) => d.questionId), now, expiresAt);

      const links: NewReminderLink[] = [];
      const notices: NotificationGroup[] = [];
      const askers = new Map((await this.users.findByIds(toSend.map((d) => d.askerId))).flatMap((u) => (u ? [[u.id, u] as const] : [])));
      for (const reminder of toSend) {
        const own = answers.filter((a) => a.questionId === reminder.questionId);
        const tokens = own.map(() => newSessionToken());
        const notHelpedToken = newSessionToken();
        links.push(
          ...own.map((a, i) => ({ tokenHash: hashSessionToken(tokens[i]), questionId: reminder.questionId, answerId: a.answerId })),
          { tokenHash: hashSessionToken(notHelpedToken), questionId: reminder.questionId, answerId: null },
        );
        notices.push({ questionId: reminder.questionId, actorId: null, recipients: [{
          userId: reminder.askerId, kind: 'ACCEPT_REMINDER',
          payload: { message: `Did an answer solve "${reminder.title}"? Accept it, or ask our team.`, questionTitle: reminder.title, answerIds: own.map((a) => a.answerId) },
        }] });
        const asker = askers.get(reminder.askerId);
        if (asker?.email) {
          const mail = acceptReminderMail(this.config, {
            askerName: asker.displayName, questionTitle: reminder.title, notHelpedToken, validDays: this.config.acceptReminderLinkDays,
            answers: own.map((a, i) => ({ authorName: a.authorName, excerpt: a.excerpt, token: tokens[i] })),
          });
          await this.outbox.enqueue(em, [{ userId: asker.id, to: asker.email, ...mail }], now);
        }
      }
      await this.notifications.insert(em, now, notices);
      await this.reminders.insertLinks(em, links);
      return { claimed: due.length, done: toSend.map((d) => d.questionId) };
    });
  }

  /** What a link offers, for the page that asks to confirm it; reading changes nothing. */
  async describeLink(token: string): Promise<{ link: ReminderLink; refusal: string | null }> {
    const link = await this.reminders.findLink(null, hashSessionToken(token));
    if (!link) throw notFound('This link is not one of ours. Open the question to accept an answer.');
    return { link, refusal: linkRefusal(link, this.clock.now())?.message ?? null };
  }

  /**
   * Uses a link as its asker: accepts its answer, or sends the question to staff at once ("it did not help").
   * The reminder's links then stop working; a used or expired link is refused and changes nothing.
   */
  async useLink(token: string): Promise<{ questionId: string; choice: ReminderChoice }> {
    const tokenHash = hashSessionToken(token);
    const link = await this.reminders.findLink(null, tokenHash);
    if (!link) throw notFound('This link is not one of ours. Open the question to accept an answer.');
    const now = this.clock.now();
    const refusal = linkRefusal(link, now);
    if (refusal) throw refusal;
    return this.transactions.run(async (em) => {
      if (link.answerId) {
        const asker = await this.users.findById(em, link.askerId);
        if (!asker) throw notFound('The person who asked no longer has an account.');
        await this.answers.acceptWithin(em, asker, link.answerId);
      } else {
        const question = await this.questions.lockLive(em, link.questionId);
        if (!question) throw notFound('That question has been deleted.');
        await this.escalation.escalate(em, question, 'ASKER_REQUEST', link.askerId, 'None of the answers helped (from the reminder to accept).', now);
      }
      // After the question's lock (the lock order): a racing use of a sibling link waited for it and fails here.
      const fresh = await this.reminders.findLink(em, tokenHash);
      const late = fresh ? linkRefusal(fresh, now) : null;
      if (late || !(await this.reminders.consume(em, tokenHash, now))) throw late ?? conflict('This link has already been used.');
      return { questionId: link.questionId, choice: link.answerId ? 'ACCEPTED' : 'NOT_HELPED' };
    });
  }

  figures(cohort: { from: Date; to: Date; asOf: Date; categoryId: string | null; tag: string | null }): Promise<ReminderFigures> {
    return this.reminders.figures(cohort);
  }
}

/** Why a link no longer works, in words the asker can act on; null while it works. */
function linkRefusal(link: Pick<ReminderLink, 'usedAt' | 'expiresAt'>, now: Date) {
  if (link.usedAt) return conflict('This link has already been used: each reminder works once. Open the question to change the accepted answer.');
  if (link.expiresAt <= now) return conflict('This link has expired. Open the question to accept an answer or ask our team.');
  return null;
}
