import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { type FieldError, assertValid, notFound } from '@peerdesk/domain';
import { CLOCK, type Clock } from '../common/clock';
import { checkId } from '../common/ids';
import { checkPageSize } from '../common/pagination';
import type { Viewer } from '../common/viewer';
import { type CreateWebhookInput, type DeliveryRow, WEBHOOK_EVENTS, type WebhookEvent, type WebhookRow } from './webhook.model';

export const SECRET_MIN = 16;
const SECRET_MAX = 256;
const URL_MAX = 2000;

const WEBHOOK_COLUMNS = `id::text, url, secret, events, created_at`;
const DELIVERY_COLUMNS = `id::text, webhook_id::text, event, payload, status, attempts, next_attempt_at, last_status, last_error, created_at, delivered_at`;

function validateWebhook(input: CreateWebhookInput): FieldError[] {
  const problems: FieldError[] = [];
  let url: URL | null = null;
  try {
    url = new URL(input.url.trim());
  } catch {
    // reported below
  }
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:') || input.url.length > URL_MAX) {
    problems.push({ field: 'url', message: `Enter an http:// or https:// URL of at most ${URL_MAX} characters.` });
  }
  if (input.secret.length < SECRET_MIN || input.secret.length > SECRET_MAX) {
    problems.push({ field: 'secret', message: `The secret must be between ${SECRET_MIN} and ${SECRET_MAX} characters (it has ${input.secret.length}).` });
  }
  const unknown = input.events.filter((e) => !(WEBHOOK_EVENTS as readonly string[]).includes(e));
  if (input.events.length === 0 || unknown.length > 0) {
    problems.push({
      field: 'events',
      message: unknown.length
        ? `Unknown event${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')}. Choose from: ${WEBHOOK_EVENTS.join(', ')}.`
        : `Choose at least one event: ${WEBHOOK_EVENTS.join(', ')}.`,
    });
  }
  return problems;
}

/** Admin-configured outbound webhooks (`manage_webhooks`) and what became of their deliveries. */
@Injectable()
export class WebhooksService {
  constructor(
    private readonly db: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async create(viewer: Viewer, input: CreateWebhookInput): Promise<WebhookRow> {
    assertValid(validateWebhook(input));
    const events = [...new Set(input.events)] as WebhookEvent[];
    const rows: WebhookRow[] = await this.db.query(
      `INSERT INTO webhooks (url, secret, events, created_by, created_at) VALUES ($1, $2, $3, $4, $5) RETURNING ${WEBHOOK_COLUMNS}`,
      [input.url.trim(), input.secret, events, viewer.id, this.clock.now()],
    );
    return rows[0];
  }

  list(): Promise<WebhookRow[]> {
    return this.db.query(`SELECT ${WEBHOOK_COLUMNS} FROM webhooks ORDER BY id`);
  }

  /** Its deliveries go with it, pending ones included. */
  async delete(id: string): Promise<boolean> {
    const rows: unknown[] = await this.db.query(
      `WITH gone AS (DELETE FROM webhooks WHERE id = $1 RETURNING id) SELECT id FROM gone`,
      [checkId(id, 'webhook')],
    );
    if (rows.length === 0) throw notFound(`There is no webhook ${id}.`);
    return true;
  }

  /** Newest first. */
  async deliveries(webhookId: string, first: number): Promise<DeliveryRow[]> {
    checkPageSize(first);
    const found: unknown[] = await this.db.query(`SELECT 1 FROM webhooks WHERE id = $1`, [checkId(webhookId, 'webhook')]);
    if (found.length === 0) throw notFound(`There is no webhook ${webhookId}.`);
    return this.db.query(
      `SELECT ${DELIVERY_COLUMNS} FROM webhook_deliveries WHERE webhook_id = $1 ORDER BY id DESC LIMIT $2`,
      [webhookId, first],
    );
  }
}
