import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DomainEvents, type DomainEvent, type DomainEventHandler } from '../common/domain-events';
import type { AppConfig } from '../config/config';
import { CONFIG } from '../config/config.provider';
import { questionUrl } from '../notifications/messages';
import type { WebhookEvent } from '@peerdesk/domain';
import { WebhooksRepository } from './webhooks.repository';

/**
 * Queues one delivery per matching webhook, in the transaction that made the change: a committed
 * acceptance or escalation always reaches its receivers (eventually), a rolled-back one never does.
 * The body is fixed here, once: every retry POSTs (and signs) exactly the same bytes.
 */
@Injectable()
export class WebhookEventsSubscriber implements DomainEventHandler, OnModuleInit {
  constructor(
    private readonly events: DomainEvents,
    private readonly webhooks: WebhooksRepository,
    @Inject(CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.events.subscribe(this);
  }

  async handle(em: EntityManager, event: DomainEvent): Promise<void> {
    const mapped = this.map(event);
    if (!mapped) return;
    const hooks = await this.webhooks.subscribedTo(em, mapped.name);
    if (hooks.length === 0) return;
    const q = await this.webhooks.questionFacts(em, event.questionId);
    if (!q) return;
    const url = questionUrl(this.config, q.id);
    const body = JSON.stringify({
      event: mapped.name,
      occurredAt: event.at.toISOString(),
      question: { id: q.id, title: q.title, categoryId: q.category_id, ...(url ? { url } : {}) },
      ...mapped.details,
    });
    await this.webhooks.enqueueDeliveries(em, hooks, mapped.name, body, event.at);
  }

  private map(event: DomainEvent): { name: WebhookEvent; details: Record<string, unknown> } | null {
    switch (event.type) {
      case 'answer.accepted':
        return { name: 'question.solved', details: { answer: { id: event.answerId, authorId: event.answerAuthorId }, acceptedBy: event.acceptedBy } };
      case 'question.escalated':
        return { name: 'question.escalated', details: { reason: event.reason, staffDueAt: event.staffDueAt?.toISOString() ?? null } };
      case 'escalation.breached':
        return { name: 'escalation.breached', details: { staffDueAt: event.staffDueAt.toISOString() } };
      // Between the asker and our team: nothing of a private conversation leaves the company (tests/api/private-conversations.spec.ts).
      case 'private_message.sent':
      case 'question.resolved_privately':
        return null;
      default:
        return null;
    }
  }
}
