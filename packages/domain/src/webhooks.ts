/** The events a webhook can subscribe to: what a business's other systems hear of the staff fallback. */
export const WEBHOOK_EVENTS = ['question.escalated', 'escalation.breached', 'question.solved'] as const;
export type WebhookEvent = typeof WEBHOOK_EVENTS[number];
