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
    if (!mapped || mapped.questions.length === 0) return;
    const hooks = await this.webhooks.subscribedTo(em, mapped.name);
    if (hooks.length === 0) return;
    const facts = await this.webhooks.questionFacts(em, mapped.questions.map((q) => q.questionId));
    const bodies = mapped.questions.flatMap(({ questionId, details }) => {
      const q = facts.get(questionId);
      if (!q) return [];
      const url = questionUrl(this.config, q.id);
      return [JSON.stringify({
        event: mapped.name,
        occurredAt: event.at.toISOString(),
        question: { id: q.id, title: q.title, categoryId: q.category_id, ...(url ? { url } : {}) },
        ...details,
      })];
    });
    await this.webhooks.enqueueDeliveries(em, hooks, mapped.name, bodies, event.at);
  }

  /** The webhook event an event is, with each question it tells of (a sweep's batch: many, one delivery body each). */
  private map(event: DomainEvent): { name: WebhookEvent; questions: Array<{ questionId: string; details: Record<string, unknown> }> } | null {
    switch (event.type) {
      case 'answer.accepted':
        return {
          name: 'question.solved',
          questions: [{ questionId: event.questionId, details: { answer: { id: event.answerId, authorId: event.answerAuthorId }, acceptedBy: event.acceptedBy } }],
        };
      case 'questions.escalated':
        return {
          name: 'question.escalated',
          questions: event.escalations.map((e) => ({ questionId: e.questionId, details: { reason: e.reason, staffDueAt: e.staffDueAt?.toISOString() ?? null } })),
        };
      case 'escalations.breached':
        return {
          name: 'escalation.breached',
          questions: event.breaches.map((b) => ({ questionId: b.questionId, details: { staffDueAt: b.staffDueAt.toISOString() } })),
        };
      // Between the asker and our team: nothing of a private conversation leaves the company (tests/api/private-conversations.spec.ts).
      case 'private_message.sent':
      case 'question.resolved_privately':
        return null;
      default:
        return null;
    }
  }
}
