import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Inject, Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { createTransport, type Transporter } from 'nodemailer';
import { DataSource, type EntityManager } from 'typeorm';
import { CLOCK, type Clock } from '../common/clock';
import type { AppConfig } from '../config/config';
import { CONFIG } from '../config/config.provider';
import { questionUrl } from './messages';
import type { NotificationRow } from './notification.model';
import { addSeconds, backoffSeconds, claimDue, errorText, Poller, type RetryPolicy } from './outbox';

interface OutboxRow {
  id: string;
  to_address: string;
  subject: string;
  body: string;
  attempts: number;
  created_at: Date;
}

export interface DrainResult {
  sent: number;
  failed: number;
}

/** 1 min, 2, 4 … capped at 4 h; after 8 attempts (about 8.5 hours) the mail is FAILED. */
export const EMAIL_RETRY: RetryPolicy = { maxAttempts: 8, baseSeconds: 60, maxDelaySeconds: 4 * 3600, leaseSeconds: 300 };
const SUBJECT_MAX = 150;

/**
 * E-mail goes through an outbox: a row written in the same transaction as the notification (so a
 * committed notification always gets its mail, and a rolled-back one never does), then sent by a
 * worker. Workers claim rows with FOR UPDATE SKIP LOCKED and push their next_attempt_at forward by a
 * lease, in one short statement, so any number of API instances share the work without sending a
 * mail twice while it is in flight (a crash mid-send means a retry after the lease: at least once).
 */
@Injectable()
export class EmailOutbox implements OnModuleInit, OnModuleDestroy {
  private readonly poller = new Poller('EmailOutbox', () => this.runOnce());
  private transport: Transporter | null = null;

  constructor(
    private readonly db: DataSource,
    @Inject(CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    if (this.config.nodeEnv !== 'test') this.poller.start(this.config.outboxPollSeconds);
  }

  async onModuleDestroy(): Promise<void> {
    await this.poller.stop();
    this.transport?.close();
  }

  async runOnce(): Promise<DrainResult> {
    await this.enqueueDigests();
    return this.drainEmailOutbox();
  }

  /** Inside the notifying transaction: one mail per notification for recipients who chose IMMEDIATE and have an address. */
  async enqueueImmediate(em: EntityManager, notifications: NotificationRow[], at: Date): Promise<void> {
    if (notifications.length === 0) return;
    const recipients: Array<{ id: string; email: string; display_name: string }> = await em.query(
      `SELECT id::text, email, display_name FROM users
        WHERE id = ANY($1::bigint[]) AND notification_email = 'IMMEDIATE' AND email IS NOT NULL`,
      [notifications.map((n) => n.user_id)],
    );
    const byId = new Map(recipients.map((r) => [r.id, r]));
    const mails = notifications.flatMap((n) => {
      const to = byId.get(n.user_id);
      if (!to) return [];
      const link = n.question_id ? questionUrl(this.config, n.question_id) : null;
      const body = [
        `Hello ${to.display_name},`,
        '',
        n.payload.message,
        ...(link ? ['', `Open the question: ${link}`] : []),
        '',
        '--',
        'You get one e-mail per notification because you chose "immediately" in your notification preferences.',
      ].join('\n');
      return [{ notificationId: n.id, userId: n.user_id, to: to.email, subject: subjectOf(n.payload.message), body }];
    });
    await this.insert(em, mails, at);
  }

  /** Inside the caller's transaction: mails that are not notifications (account e-mails), sent like any other. */
  async enqueue(em: EntityManager, mails: Array<{ userId: string | null; to: string; subject: string; body: string }>, at: Date): Promise<void> {
    await this.insert(em, mails.map((mail) => ({ ...mail, notificationId: null })), at);
  }

  private async insert(
    em: EntityManager,
    mails: Array<{ notificationId: string | null; userId: string | null; to: string; subject: string; body: string }>,
    at: Date,
  ): Promise<void> {
    if (mails.length === 0) return;
    await em.query(
      `INSERT INTO email_outbox (notification_id, user_id, to_address, subject, body, next_attempt_at, created_at)
       SELECT t.notification_id, t.user_id, t.to_address, t.subject, t.body, $6, $6
         FROM unnest($1::bigint[], $2::bigint[], $3::text[], $4::text[], $5::text[]) AS t(notification_id, user_id, to_address, subject, body)`,
      [mails.map((m) => m.notificationId), mails.map((m) => m.userId), mails.map((m) => m.to), mails.map((m) => m.subject), mails.map((m) => m.body), at],
    );
  }

  /**
   * DAILY_DIGEST users whose last digest is a day old and who have unread notifications since: one
   * mail each listing them. The user rows are locked (SKIP LOCKED) so two instances never both send.
   */
  async enqueueDigests(limit = 50): Promise<number> {
    const now = this.clock.now();
    return this.db.transaction(async (em) => {
      const due: Array<{ id: string; email: string; display_name: string; since: Date | null }> = await em.query(
        `SELECT u.id::text, u.email, u.display_name, u.digest_sent_at AS since FROM users u
          WHERE u.notification_email = 'DAILY_DIGEST' AND u.email IS NOT NULL
            AND (u.digest_sent_at IS NULL OR u.digest_sent_at <= $1::timestamptz - interval '1 day')
            AND EXISTS (SELECT 1 FROM notifications n WHERE n.user_id = u.id AND n.read_at IS NULL
                          AND n.created_at > COALESCE(u.digest_sent_at, '-infinity'))
          ORDER BY u.id LIMIT $2
          FOR UPDATE OF u SKIP LOCKED`,
        [now, limit],
      );
      for (const user of due) {
        const unread: Array<{ question_id: string | null; payload: { message: string }; total: number }> = await em.query(
          `SELECT question_id::text, payload, count(*) OVER ()::int AS total FROM notifications
            WHERE user_id = $1 AND read_at IS NULL AND created_at > COALESCE($2::timestamptz, '-infinity')
            ORDER BY created_at DESC, id DESC LIMIT 50`,
          [user.id, user.since],
        );
        const total = unread[0]?.total ?? 0;
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
        await this.insert(em, [{ notificationId: null, userId: user.id, to: user.email, subject, body }], now);
        await em.query(`UPDATE users SET digest_sent_at = $2 WHERE id = $1`, [user.id, now]);
      }
      return due.length;
    });
  }

  /** Sends every mail that is due (tests call this; the poller does in production). */
  async drainEmailOutbox(batchSize = 20): Promise<DrainResult> {
    const result: DrainResult = { sent: 0, failed: 0 };
    for (;;) {
      const batch = await this.claim(batchSize);
      if (batch.length === 0) return result;
      for (const row of batch) {
        if (await this.sendOne(row)) result.sent++;
        else result.failed++;
      }
    }
  }

  /** One short statement: pick due rows no one else holds, count the attempt and hide them for the lease. */
  private claim(limit: number): Promise<OutboxRow[]> {
    const now = this.clock.now();
    return claimDue<OutboxRow>(this.db, {
      table: 'email_outbox',
      now,
      limit,
      leaseUntil: addSeconds(now, EMAIL_RETRY.leaseSeconds),
      returning: 't.id, t.to_address, t.subject, t.body, t.attempts, t.created_at',
      select: 'SELECT id::text, to_address, subject, body, attempts, created_at FROM claimed ORDER BY id',
    });
  }

  private async sendOne(row: OutboxRow): Promise<boolean> {
    try {
      await this.send(row);
      await this.db.query(`UPDATE email_outbox SET status = 'SENT', sent_at = $2, last_error = NULL WHERE id = $1`, [row.id, this.clock.now()]);
      return true;
    } catch (error) {
      const now = this.clock.now();
      const giveUp = row.attempts >= EMAIL_RETRY.maxAttempts;
      await this.db.query(
        `UPDATE email_outbox SET status = $2, last_error = $3, next_attempt_at = $4 WHERE id = $1`,
        [row.id, giveUp ? 'FAILED' : 'PENDING', errorText(error), addSeconds(now, backoffSeconds(EMAIL_RETRY, row.attempts))],
      );
      return false;
    }
  }

  private async send(row: OutboxRow): Promise<void> {
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
