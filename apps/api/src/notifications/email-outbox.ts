import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Inject, Injectable } from '@nestjs/common';
import { createTransport, type Transporter } from 'nodemailer';
import type { EntityManager } from 'typeorm';
import { CLOCK, type Clock } from '../common/clock';
import { workUntilNoneDue } from '../common/jobs/job-runner';
import { afterFailure, errorText, leaseUntil, type RetryPolicy } from '../common/jobs/retry';
import { TimedJob } from '../common/jobs/timed-job';
import type { AppConfig } from '../config/config';
import { CONFIG } from '../config/config.provider';
import { Transactions } from '../database/transactions';
import { UsersRepository } from '../users/users.repository';
import { EmailOutboxRepository, type ImmediateMailRecipient, type NewMail, type OutboxMail } from './email-outbox.repository';
import { questionUrl } from './messages';
import { NotificationsRepository } from './notifications.repository';

export interface DrainResult {
  sent: number;
  failed: number;
}

/** 1 min, 2, 4 … capped at 4 h; after 8 attempts (about 8.5 hours) the mail is FAILED. */
export const EMAIL_RETRY: RetryPolicy = { maxAttempts: 8, baseSeconds: 60, maxDelaySeconds: 4 * 3600, leaseSeconds: 300 };
const SUBJECT_MAX = 150;
/** Notifications listed in one digest at most (the rest are counted). */
const DIGEST_LINES = 50;

/**
 * E-mail goes through an outbox: a row written in the same transaction as the notification (so a
 * committed notification always gets its mail, and a rolled-back one never does), then sent by a
 * worker. Workers claim rows with FOR UPDATE SKIP LOCKED and push their next_attempt_at forward by a
 * lease, in one short statement, so any number of API instances share the work without sending a
 * mail twice while it is in flight (a crash mid-send means a retry after the lease: at least once).
 */
@Injectable()
export class EmailOutbox extends TimedJob {
  private transport: Transporter | null = null;

  constructor(
    private readonly outbox: EmailOutboxRepository,
    private readonly notifications: NotificationsRepository,
    private readonly users: UsersRepository,
    private readonly transactions: Transactions,
    @Inject(CONFIG) config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    super('EmailOutbox', config);
  }

  protected intervalSeconds(): number {
    return this.config.outboxPollSeconds;
  }

  override async onApplicationShutdown(): Promise<void> {
    await super.onApplicationShutdown();
    this.transport?.close();
  }

  async runOnce(): Promise<DrainResult> {
    await this.enqueueDigests();
    return this.drainEmailOutbox();
  }

  /**
   * Inside the notifying transaction: one mail per notification mailed at once (its recipient chose IMMEDIATE for its kind,
   * or has it by default, and has an address), as the notifications' insert returns them. One statement for any number.
   */
  async enqueueImmediate(em: EntityManager, recipients: readonly ImmediateMailRecipient[], at: Date): Promise<void> {
    if (recipients.length === 0) return;
    const mails = recipients.map((to) => {
      const link = to.question_id ? questionUrl(this.config, to.question_id) : null;
      const body = [
        `Hello ${to.display_name},`,
        '',
        to.message,
        ...(link ? ['', `Open the question: ${link}`] : []),
        '',
        '--',
        'You get one e-mail per notification of this kind because you chose "immediately" in your notification preferences.',
      ].join('\n');
      return { notificationId: to.notification_id, userId: to.id, to: to.email, subject: subjectOf(to.message), body };
    });
    await this.outbox.insert(em, mails, at);
  }

  /** Inside the caller's transaction: mails that are not notifications (account e-mails), sent like any other. */
  async enqueue(em: EntityManager, mails: Array<Omit<NewMail, 'notificationId'>>, at: Date): Promise<void> {
    await this.outbox.insert(em, mails.map((mail) => ({ ...mail, notificationId: null })), at);
  }

  /**
   * Users with kinds in the daily digest whose last digest is a day old and who have unread notifications of
   * those kinds since: one mail each listing them. The user rows are locked (SKIP LOCKED) so two instances never both send.
   */
  async enqueueDigests(limit = 50): Promise<number> {
    const now = this.clock.now();
    return this.transactions.run(async (em) => {
      const due = await this.outbox.claimDueDigests(em, now, limit);
      for (const user of due) {
        const { rows: unread, total } = await this.notifications.unreadSince(em, user.id, user.since, DIGEST_LINES);
        const lines = unread.map((n) => {
          const link = n.question_id ? questionUrl(this.config, n.question_id) : null;
          return `- ${n.payload.message}${link ? `\n  ${link}` : ''}`;
        });
        const body = [
          `Hello ${user.display_name},`,
          '',
          `You have ${total} unread notification${total === 1 ? '' : 's'} from the last day:`,
          '',
          ...lines,
          ...(total > unread.length ? [`…and ${total - unread.length} more.`] : []),
          '',
          '--',
          'You get one e-mail a day because you chose the daily digest in your notification preferences.',
        ].join('\n');
        const subject = `Your Peerdesk digest: ${total} new notification${total === 1 ? '' : 's'}`;
        await this.outbox.insert(em, [{ notificationId: null, userId: user.id, to: user.email, subject, body }], now);
        await this.users.markDigestSent(em, user.id, now);
      }
      return due.length;
    });
  }

  /** Sends every mail that is due (tests call this; the job runner does in production). */
  async drainEmailOutbox(batchSize = 20): Promise<DrainResult> {
    const result: DrainResult = { sent: 0, failed: 0 };
    await workUntilNoneDue(
      () => {
        const now = this.clock.now();
        return this.outbox.claimDue(now, batchSize, leaseUntil(EMAIL_RETRY, now));
      },
      async (batch) => {
        for (const mail of batch) {
          if (await this.sendOne(mail)) result.sent++;
          else result.failed++;
        }
      },
    );
    return result;
  }

  private async sendOne(mail: OutboxMail): Promise<boolean> {
    try {
      await this.send(mail);
      await this.outbox.markSent(mail.id, this.clock.now());
      return true;
    } catch (error) {
      await this.outbox.markFailed(mail.id, errorText(error), afterFailure(EMAIL_RETRY, mail.attempts, this.clock.now()));
      return false;
    }
  }

  private async send(row: OutboxMail): Promise<void> {
    const message = {
      from: this.config.mailFrom,
      to: row.to_address,
      subject: row.subject,
      text: row.body,
      date: row.created_at,
      // The same Message-ID on every retry lets a receiving server drop a duplicate after a lost acknowledgement.
      messageId: `<outbox-${row.id}-${row.created_at.getTime()}@peerdesk>`,
    };
    if (this.config.smtpUrl) {
      this.transport ??= createTransport({
        url: this.config.smtpUrl,
        connectionTimeout: 10_000,
        greetingTimeout: 10_000,
        socketTimeout: 30_000,
      });
      await this.transport.sendMail(message);
      return;
    }
    const info = await createTransport({ streamTransport: true, buffer: true, newline: 'unix' }).sendMail(message);
    const dir = path.resolve(this.config.dataDir, 'mail');
    await mkdir(dir, { recursive: true });
    const file = path.join(dir, `${row.id}.eml`);
    await writeFile(`${file}.tmp`, info.message as Buffer);
    await rename(`${file}.tmp`, file);
  }
}

function subjectOf(message: string): string {
  const oneLine = message.replace(/\s+/g, ' ').trim();
  return [...oneLine].length > SUBJECT_MAX ? `${[...oneLine].slice(0, SUBJECT_MAX - 1).join('')}…` : oneLine;
}
