import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { WebhookEvent } from '@peerdesk/domain';
import type { DeliveryRow, WebhookRow } from './webhook.model';

const WEBHOOK_COLUMNS = `id::text, url, secret, events, created_at`;
const DELIVERY_COLUMNS = `id::text, webhook_id::text, event, payload, status, attempts, next_attempt_at, last_status, last_error, created_at, delivered_at`;

/** A delivery claimed for POSTing, with where it goes and what signs it. */
export interface ClaimedDelivery {
  id: string;
  event: string;
  payload: string;
  attempts: number;
  url: string;
  secret: string;
}

/** The one owner of `webhooks` and `webhook_deliveries`. */
@Injectable()
export class WebhooksRepository {
  constructor(private readonly db: DataSource) {}

  async create(em: EntityManager, url: string, secret: string, events: readonly WebhookEvent[], createdBy: string, at: Date): Promise<WebhookRow> {
    const rows: WebhookRow[] = await em.query(
      `INSERT INTO webhooks (url, secret, events, created_by, created_at) VALUES ($1, $2, $3, $4, $5) RETURNING ${WEBHOOK_COLUMNS}`,
      [url, secret, events, createdBy, at],
    );
    return rows[0];
  }

  list(): Promise<WebhookRow[]> {
    return this.db.query(`SELECT ${WEBHOOK_COLUMNS} FROM webhooks ORDER BY id`);
  }

  async exists(id: string): Promise<boolean> {
    const found: unknown[] = await this.db.query(`SELECT 1 FROM webhooks WHERE id = $1`, [id]);
    return found.length > 0;
  }

  /** Its deliveries go with it (ON DELETE CASCADE); returns what it was, null when there was none. */
  async delete(em: EntityManager, id: string): Promise<WebhookRow | null> {
    const rows: WebhookRow[] = await em.query(
      `WITH gone AS (DELETE FROM webhooks WHERE id = $1 RETURNING *) SELECT ${WEBHOOK_COLUMNS} FROM gone`, [id]);
    return rows[0] ?? null;
  }

  /** Newest first. */
  deliveries(webhookId: string, first: number): Promise<DeliveryRow[]> {
    return this.db.query(
      `SELECT ${DELIVERY_COLUMNS} FROM webhook_deliveries WHERE webhook_id = $1 ORDER BY id DESC LIMIT $2`,
      [webhookId, first],
    );
  }

  /** The webhooks subscribed to `event`. */
  async subscribedTo(em: EntityManager, event: WebhookEvent): Promise<string[]> {
    const rows: Array<{ id: string }> = await em.query(`SELECT id::text FROM webhooks WHERE $1 = ANY(events) ORDER BY id`, [event]);
    return rows.map((row) => row.id);
  }

  /** The facts about questions a delivery carries, by id (one missing when it is gone). */
  async questionFacts(em: EntityManager, questionIds: readonly string[]): Promise<Map<string, { id: string; title: string; category_id: string }>> {
    const rows: Array<{ id: string; title: string; category_id: string }> = await em.query(
      `SELECT id::text, title, category_id::text FROM questions WHERE id = ANY($1::bigint[])`,
      [questionIds],
    );
    return new Map(rows.map((row) => [row.id, row]));
  }

  /** In the transaction that made the change: one delivery per webhook and body (in that order), in one statement. */
  async enqueueDeliveries(em: EntityManager, webhookIds: readonly string[], event: WebhookEvent, payloads: readonly string[], at: Date): Promise<void> {
    if (payloads.length === 0) return;
    await em.query(
      `INSERT INTO webhook_deliveries (webhook_id, event, payload, next_attempt_at, created_at)
       SELECT h.id, $2, p.payload, $4, $4
         FROM unnest($3::text[]) WITH ORDINALITY AS p(payload, ord) CROSS JOIN unnest($1::bigint[]) WITH ORDINALITY AS h(id, hook_ord)
        ORDER BY p.ord, h.hook_ord`,
      [webhookIds, event, payloads, at],
    );
  }

  /**
   * One short statement: pick due deliveries no one else holds (FOR UPDATE SKIP LOCKED), count the
   * attempt and hide them from other workers until `leaseUntil`.
   */
  claimDue(now: Date, limit: number, leaseUntil: Date): Promise<ClaimedDelivery[]> {
    return this.db.query(
      `WITH due AS (
         SELECT id FROM webhook_deliveries
          WHERE status = 'PENDING' AND next_attempt_at <= $1
          ORDER BY next_attempt_at, id LIMIT $2
          FOR UPDATE SKIP LOCKED),
       claimed AS (
         UPDATE webhook_deliveries t SET attempts = t.attempts + 1, next_attempt_at = $3
           FROM due WHERE t.id = due.id
         RETURNING t.id, t.webhook_id, t.event, t.payload, t.attempts)
       -- A SELECT, not a bare UPDATE: TypeORM answers an UPDATE with [rows, count].
       SELECT c.id::text, c.event, c.payload, c.attempts, w.url, w.secret
         FROM claimed c JOIN webhooks w ON w.id = c.webhook_id ORDER BY c.id`,
      [now, limit, leaseUntil],
    );
  }

  async markDelivered(id: string, status: number | null, at: Date): Promise<void> {
    await this.db.query(
      `UPDATE webhook_deliveries SET status = 'DELIVERED', last_status = $2, last_error = NULL, delivered_at = $3 WHERE id = $1`,
      [id, status, at],
    );
  }

  /** A failed attempt: PENDING again at `retryAt`, or FAILED for good when it was the last. */
  async markFailed(id: string, status: number | null, error: string, outcome: { giveUp: boolean; retryAt: Date }): Promise<void> {
    await this.db.query(
      `UPDATE webhook_deliveries SET status = $2, last_status = $3, last_error = $4, next_attempt_at = $5 WHERE id = $1`,
      [id, outcome.giveUp ? 'FAILED' : 'PENDING', status, error, outcome.retryAt],
    );
  }
}
