import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { EMAILED_AT_ONCE_BY_DEFAULT } from './notification.model';

/**
 * The e-mail choice in force for notification `n` of user `u`, with `p` their preference row for its kind (LEFT JOIN):
 * the kind's own choice, else its default (`defaultEmailFor`). `kindsParameter` is bound to EMAILED_AT_ONCE_BY_DEFAULT.
 */
export const emailChoiceSql = (kindsParameter: string): string =>
  `COALESCE(p.email, CASE WHEN n.kind = ANY(${kindsParameter}::text[]) THEN 'IMMEDIATE' ELSE u.notification_email END)`;

/** A mail claimed for sending. */
export interface OutboxMail {
  id: string;
  to_address: string;
  subject: string;
  body: string;
  attempts: number;
  created_at: Date;
}

export interface NewMail {
  notificationId: string | null;
  userId: string | null;
  to: string;
  subject: string;
  body: string;
}

/** Who gets a mail: a user with an address. */
export interface MailRecipient {
  id: string;
  email: string;
  display_name: string;
}

/** A notification mailed at once: its recipient, what it says and about which question. */
export interface ImmediateMailRecipient extends MailRecipient {
  notification_id: string;
  question_id: string | null;
  message: string;
}

/** A DAILY_DIGEST user whose digest is due; `since` is when the last one went out. */
export interface DigestRecipient extends MailRecipient {
  since: Date | null;
}

/** The one owner of `email_outbox`: mails written in the notifying transaction, then claimed and sent by the outbox job. */
@Injectable()
export class EmailOutboxRepository {
  constructor(private readonly db: DataSource) {}

  async insert(em: EntityManager, mails: readonly NewMail[], at: Date): Promise<void> {
    if (mails.length === 0) return;
    await em.query(
      `INSERT INTO email_outbox (notification_id, user_id, to_address, subject, body, next_attempt_at, created_at)
       SELECT t.notification_id, t.user_id, t.to_address, t.subject, t.body, $6, $6
         FROM unnest($1::bigint[], $2::bigint[], $3::text[], $4::text[], $5::text[]) AS t(notification_id, user_id, to_address, subject, body)`,
      [mails.map((m) => m.notificationId), mails.map((m) => m.userId), mails.map((m) => m.to), mails.map((m) => m.subject), mails.map((m) => m.body), at],
    );
  }

  /**
   * Users with a kind in the daily digest whose last digest is a day old and who have unread notifications of such a kind since. Their
   * user rows stay locked (SKIP LOCKED) until the transaction ends, so two processes never both send one.
   */
  async claimDueDigests(em: EntityManager, now: Date, limit: number): Promise<DigestRecipient[]> {
    return em.query(
      `SELECT u.id::text, u.email, u.display_name, u.digest_sent_at AS since FROM users u
        WHERE (u.notification_email = 'DAILY_DIGEST'
               OR EXISTS (SELECT 1 FROM notification_preferences d WHERE d.user_id = u.id AND d.email = 'DAILY_DIGEST'))
          AND u.email IS NOT NULL
          AND (u.digest_sent_at IS NULL OR u.digest_sent_at <= $1::timestamptz - interval '1 day')
          AND EXISTS (SELECT 1 FROM notifications n
                        LEFT JOIN notification_preferences p ON p.user_id = n.user_id AND p.kind = n.kind
                       WHERE n.user_id = u.id AND n.read_at IS NULL
                         AND n.created_at > COALESCE(u.digest_sent_at, '-infinity')
                         AND ${emailChoiceSql('$3')} = 'DAILY_DIGEST')
        ORDER BY u.id LIMIT $2
        FOR UPDATE OF u SKIP LOCKED`,
      [now, limit, EMAILED_AT_ONCE_BY_DEFAULT],
    );
  }

  /**
   * One short statement: pick due mails no one else holds (FOR UPDATE SKIP LOCKED), count the attempt
   * and hide them from other workers until `leaseUntil`.
   */
  claimDue(now: Date, limit: number, leaseUntil: Date): Promise<OutboxMail[]> {
    return this.db.query(
      `WITH due AS (
         SELECT id FROM email_outbox
          WHERE status = 'PENDING' AND next_attempt_at <= $1
          ORDER BY next_attempt_at, id LIMIT $2
          FOR UPDATE SKIP LOCKED),
       claimed AS (
         UPDATE email_outbox t SET attempts = t.attempts + 1, next_attempt_at = $3
           FROM due WHERE t.id = due.id
         RETURNING t.id, t.to_address, t.subject, t.body, t.attempts, t.created_at)
       -- A SELECT, not a bare UPDATE: TypeORM answers an UPDATE with [rows, count].
       SELECT id::text, to_address, subject, body, attempts, created_at FROM claimed ORDER BY id`,
      [now, limit, leaseUntil],
    );
  }

  async markSent(id: string, at: Date): Promise<void> {
    await this.db.query(`UPDATE email_outbox SET status = 'SENT', sent_at = $2, last_error = NULL WHERE id = $1`, [id, at]);
  }

  /** A failed attempt: PENDING again at `retryAt`, or FAILED for good when it was the last. */
  async markFailed(id: string, error: string, outcome: { giveUp: boolean; retryAt: Date }): Promise<void> {
    await this.db.query(
      `UPDATE email_outbox SET status = $2, last_error = $3, next_attempt_at = $4 WHERE id = $1`,
      [id, outcome.giveUp ? 'FAILED' : 'PENDING', error, outcome.retryAt],
    );
  }

  /** A deleted account's mail that has not gone yet is never sent. */
  async discardFor(em: EntityManager, userId: string): Promise<void> {
    await em.query(`DELETE FROM email_outbox WHERE user_id = $1`, [userId]);
  }
}
