import { Inject, Injectable } from '@nestjs/common';
import { type FieldError, assertValid, LIMITS, notFound, WEBHOOK_EVENTS, type WebhookEvent } from '@peerdesk/domain';
import { AuditService } from '../audit/audit.service';
import { CLOCK, type Clock } from '../common/clock';
import { checkId } from '../common/ids';
import { checkPageSize } from '../common/pagination';
import type { Viewer } from '../common/viewer';
import { Transactions } from '../database/transactions';
import type { CreateWebhookInput } from './dto/create-webhook.input';
import type { DeliveryRow, WebhookRow } from './webhook.model';
import { WebhooksRepository } from './webhooks.repository';

const URL_MAX = 2000;

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
  if (input.secret.length < LIMITS.webhookSecret.min || input.secret.length > LIMITS.webhookSecret.max) {
    problems.push({ field: 'secret', message: `The secret must be between ${LIMITS.webhookSecret.min} and ${LIMITS.webhookSecret.max} characters (it has ${input.secret.length}).` });
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

/**
 * A webhook as the audit log keeps it: the address's origin only (its path or query may carry a token, as
 * chat services' incoming-webhook addresses do) and its events; never the secret.
 */
function auditedWebhook(row: WebhookRow): Record<string, unknown> {
  return { origin: new URL(row.url).origin, events: row.events };
}

/** Admin-configured outbound webhooks (`manage_webhooks`) and what became of their deliveries. */
@Injectable()
export class WebhooksService {
  constructor(
    private readonly webhooks: WebhooksRepository,
    private readonly transactions: Transactions,
    private readonly audit: AuditService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async create(viewer: Viewer, input: CreateWebhookInput): Promise<WebhookRow> {
    assertValid(validateWebhook(input));
    const events = [...new Set(input.events)] as WebhookEvent[];
    const now = this.clock.now();
    return this.transactions.run(async (em) => {
      const webhook = await this.webhooks.create(em, input.url.trim(), input.secret, events, viewer.id, now);
      await this.audit.record(em, {
        actorId: viewer.id, action: 'WEBHOOK_CREATED', targetType: 'WEBHOOK', targetId: webhook.id, before: null, after: auditedWebhook(webhook), at: now,
      });
      return webhook;
    });
  }

  list(): Promise<WebhookRow[]> {
    return this.webhooks.list();
  }

  /** Its deliveries go with it, pending ones included. */
  async delete(viewer: Viewer, id: string): Promise<boolean> {
    checkId(id, 'webhook');
    const now = this.clock.now();
    return this.transactions.run(async (em) => {
      const gone = await this.webhooks.delete(em, id);
      if (!gone) throw notFound(`There is no webhook ${id}.`);
      await this.audit.record(em, {
        actorId: viewer.id, action: 'WEBHOOK_DELETED', targetType: 'WEBHOOK', targetId: id, before: auditedWebhook(gone), after: null, at: now,
      });
      return true;
    });
  }

  /** Newest first. */
  async deliveries(webhookId: string, first: number): Promise<DeliveryRow[]> {
    checkPageSize(first);
    if (!(await this.webhooks.exists(checkId(webhookId, 'webhook')))) throw notFound(`There is no webhook ${webhookId}.`);
    return this.webhooks.deliveries(webhookId, first);
  }
}
