import { WEBHOOK_EVENTS, type WebhookEvent } from '@peerdesk/domain';
import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

/** What a webhook may subscribe to. `question.solved` is an accepted answer. */

export interface WebhookRow {
  id: string;
  url: string;
  secret: string;
  events: WebhookEvent[];
  created_at: Date;
}

export interface DeliveryRow {
  id: string;
  webhook_id: string;
  event: WebhookEvent;
  payload: string;
  status: 'PENDING' | 'DELIVERED' | 'FAILED';
  attempts: number;
  next_attempt_at: Date;
  last_status: number | null;
  last_error: string | null;
  created_at: Date;
  delivered_at: Date | null;
}

@ObjectType('Webhook')
export class WebhookModel {
  @Field(() => ID)
  id!: string;

  @Field()
  url!: string;

  @Field(() => [String], { description: `Any of: ${WEBHOOK_EVENTS.join(', ')}.` })
  events!: string[];

  @Field({ description: 'The last 4 characters of the secret; the secret itself is never shown again.' })
  secretHint!: string;

  @Field()
  createdAt!: Date;
}

export function toWebhookModel(row: WebhookRow): WebhookModel {
  return { id: row.id, url: row.url, events: row.events, secretHint: `…${row.secret.slice(-4)}`, createdAt: row.created_at };
}

@ObjectType('WebhookDelivery')
export class WebhookDeliveryModel {
  @Field(() => ID)
  id!: string;

  @Field()
  event!: string;

  @Field({ description: 'PENDING (waiting or retrying), DELIVERED (a 2xx answer) or FAILED (gave up).' })
  status!: string;

  @Field(() => Int)
  attempts!: number;

  @Field(() => Int, { nullable: true, description: 'HTTP status of the last attempt; null when no answer came (refused, timeout).' })
  lastStatus!: number | null;

  @Field(() => String, { nullable: true })
  lastError!: string | null;

  @Field(() => Date, { nullable: true, description: 'When the next attempt is due; null once DELIVERED or FAILED.' })
  nextAttemptAt!: Date | null;

  @Field({ description: 'The exact JSON body POSTed (and signed).' })
  payload!: string;

  @Field()
  createdAt!: Date;

  @Field(() => Date, { nullable: true })
  deliveredAt!: Date | null;
}

export function toDeliveryModel(row: DeliveryRow): WebhookDeliveryModel {
  return {
    id: row.id,
    event: row.event,
    status: row.status,
    attempts: row.attempts,
    lastStatus: row.last_status,
    lastError: row.last_error,
    nextAttemptAt: row.status === 'PENDING' ? row.next_attempt_at : null,
    payload: row.payload,
    createdAt: row.created_at,
    deliveredAt: row.delivered_at,
  };
}
