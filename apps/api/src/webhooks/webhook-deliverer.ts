import { createHmac } from 'node:crypto';
import { Inject, Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CLOCK, type Clock } from '../common/clock';
import type { AppConfig } from '../config/config';
import { CONFIG } from '../config/config.provider';
import { addSeconds, backoffSeconds, claimDue, errorText, Poller, type RetryPolicy } from '../notifications/outbox';

/** 30 s, 1 min, 2, 4 … capped at 1 h; after 8 attempts (about 2 hours) the delivery is FAILED. */
export const WEBHOOK_RETRY: RetryPolicy = { maxAttempts: 8, baseSeconds: 30, maxDelaySeconds: 3600, leaseSeconds: 60 };
export const WEBHOOK_TIMEOUT_MS = 10_000;

interface ClaimedDelivery {
  id: string;
  event: string;
  payload: string;
  attempts: number;
  url: string;
  secret: string;
}

export interface DeliverResult {
  delivered: number;
  failed: number;
}

export function signature(secret: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(body, 'utf8').digest('hex')}`;
}

/**
 * POSTs pending deliveries. Same pattern as the e-mail outbox: a short claim statement (FOR UPDATE
 * SKIP LOCKED, attempt counted, row hidden for a lease longer than the timeout), the HTTP call outside
 * any transaction, then a short update with the outcome. Safe with several API instances.
 */
@Injectable()
export class WebhookDeliverer implements OnModuleInit, OnModuleDestroy {
  private readonly poller = new Poller('WebhookDeliverer', () => this.deliverWebhooks());

  constructor(
    private readonly db: DataSource,
    @Inject(CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    if (this.config.nodeEnv !== 'test') this.poller.start(this.config.outboxPollSeconds);
  }

  onModuleDestroy(): Promise<void> {
    return this.poller.stop();
  }

  /** Delivers everything due now (tests call this; the poller does in production). */
  async deliverWebhooks(batchSize = 10): Promise<DeliverResult> {
    const result: DeliverResult = { delivered: 0, failed: 0 };
    for (;;) {
      const batch = await this.claim(batchSize);
      if (batch.length === 0) return result;
      const outcomes = await Promise.all(batch.map((d) => this.deliverOne(d)));
      for (const ok of outcomes) ok ? result.delivered++ : result.failed++;
    }
  }

  private claim(limit: number): Promise<ClaimedDelivery[]> {
    const now = this.clock.now();
    return claimDue<ClaimedDelivery>(this.db, {
      table: 'webhook_deliveries',
      now,
      limit,
      leaseUntil: addSeconds(now, WEBHOOK_RETRY.leaseSeconds),
      returning: 't.id, t.webhook_id, t.event, t.payload, t.attempts',
      select: `SELECT c.id::text, c.event, c.payload, c.attempts, w.url, w.secret
         FROM claimed c JOIN webhooks w ON w.id = c.webhook_id ORDER BY c.id`,
    });
  }

  private async deliverOne(delivery: ClaimedDelivery): Promise<boolean> {
    let status: number | null = null;
    let error: string | null = null;
    try {
      const response = await fetch(delivery.url, {
        method: 'POST',
        redirect: 'manual',
        signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS),
        headers: {
          'content-type': 'application/json',
          'user-agent': 'Peerdesk-Webhooks/1',
          'x-peerdesk-event': delivery.event,
          'x-peerdesk-delivery': delivery.id,
          'x-peerdesk-signature': signature(delivery.secret, delivery.payload),
        },
        body: delivery.payload,
      });
      status = response.status;
      await response.body?.cancel().catch(() => undefined);
      if (status < 200 || status > 299) error = `HTTP ${status}${response.statusText ? ` ${response.statusText}` : ''}`;
    } catch (caught) {
      const cause = (caught as { cause?: unknown }).cause;
      error = caught instanceof Error && caught.name === 'TimeoutError'
        ? `No answer within ${WEBHOOK_TIMEOUT_MS / 1000} s`
        : errorText(cause ?? caught);
    }
    const now = this.clock.now();
    if (error === null) {
      await this.db.query(
        `UPDATE webhook_deliveries SET status = 'DELIVERED', last_status = $2, last_error = NULL, delivered_at = $3 WHERE id = $1`,
        [delivery.id, status, now],
      );
      return true;
    }
    const giveUp = delivery.attempts >= WEBHOOK_RETRY.maxAttempts;
    await this.db.query(
      `UPDATE webhook_deliveries SET status = $2, last_status = $3, last_error = $4, next_attempt_at = $5 WHERE id = $1`,
      [delivery.id, giveUp ? 'FAILED' : 'PENDING', status, error, addSeconds(now, backoffSeconds(WEBHOOK_RETRY, delivery.attempts))],
    );
    return false;
  }
}
