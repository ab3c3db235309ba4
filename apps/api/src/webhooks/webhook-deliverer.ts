import { createHmac } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, type Clock } from '../common/clock';
import { workUntilNoneDue } from '../common/jobs/job-runner';
import { afterFailure, errorText, leaseUntil, type RetryPolicy } from '../common/jobs/retry';
import { TimedJob } from '../common/jobs/timed-job';
import type { AppConfig } from '../config/config';
import { CONFIG } from '../config/config.provider';
import { type ClaimedDelivery, WebhooksRepository } from './webhooks.repository';

/** 30 s, 1 min, 2, 4 … capped at 1 h; after 8 attempts (about 2 hours) the delivery is FAILED. */
export const WEBHOOK_RETRY: RetryPolicy = { maxAttempts: 8, baseSeconds: 30, maxDelaySeconds: 3600, leaseSeconds: 60 };
export const WEBHOOK_TIMEOUT_MS = 10_000;

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
export class WebhookDeliverer extends TimedJob {
  constructor(
    private readonly webhooks: WebhooksRepository,
    @Inject(CONFIG) config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    super('WebhookDeliverer', config);
  }

  protected intervalSeconds(): number {
    return this.config.outboxPollSeconds;
  }

  runOnce(): Promise<DeliverResult> {
    return this.deliverWebhooks();
  }

  /** Delivers everything due now (tests call this; the job runner does in production). */
  async deliverWebhooks(batchSize = 10): Promise<DeliverResult> {
    const result: DeliverResult = { delivered: 0, failed: 0 };
    await workUntilNoneDue(
      () => {
        const now = this.clock.now();
        return this.webhooks.claimDue(now, batchSize, leaseUntil(WEBHOOK_RETRY, now));
      },
      async (batch) => {
        const outcomes = await Promise.all(batch.map((d) => this.deliverOne(d)));
        for (const ok of outcomes) ok ? result.delivered++ : result.failed++;
      },
    );
    return result;
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
      await this.webhooks.markDelivered(delivery.id, status, now);
      return true;
    }
    await this.webhooks.markFailed(delivery.id, status, error, afterFailure(WEBHOOK_RETRY, delivery.attempts, now));
    return false;
  }
}
