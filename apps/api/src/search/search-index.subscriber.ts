import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DomainEvents, type DomainEvent, type DomainEventHandler } from '../common/domain-events';
import { SEARCH_ENGINE, type SearchEngine } from './search-engine';

/**
 * Keeps the index current from the writing transaction: every event that changes what a question's
 * document holds (text, answers, acceptance, status, whether it is visible) tells the engine. An answer's
 * own text may reach the index after commit (the engine's outbox), so a busy thread is rebuilt once per drain.
 */
@Injectable()
export class SearchIndexSubscriber implements DomainEventHandler, OnModuleInit {
  constructor(
    private readonly events: DomainEvents,
    @Inject(SEARCH_ENGINE) private readonly engine: SearchEngine,
  ) {}

  onModuleInit(): void {
    this.events.subscribe(this);
  }

  async handle(em: EntityManager, event: DomainEvent): Promise<void> {
    switch (event.type) {
      case 'answer.posted':
      case 'answer.edited':
      case 'answer.removed':
      case 'answer.accepted': // the accepted answer weighs more in its question's document
      case 'acceptance.withdrawn':
        return this.engine.answersChanged(em, [event.questionId]);
      case 'question.asked':
      case 'question.edited':
      case 'question.marked_duplicate':
      case 'question.duplicate_unmarked':
      case 'post.moderated': // a hidden question leaves the index, a hidden answer its question's document; restored, they return
        return this.engine.documentsChanged(em, [event.questionId]);
      case 'post.held': // held posts are indexed when approved (question.asked, answer.posted)
      case 'post.flagged':
        return;
      case 'question.closed':
      case 'question.reopened':
      case 'question.moved':
      case 'question.deleted':
        return this.engine.documentsChanged(em, [event.questionId]);
      case 'question.answers_merged':
        return this.engine.documentsChanged(em, [event.questionId, event.fromQuestionId]);
      case 'questions.escalated':
        return this.engine.statusChanged(em, event.escalations.map((e) => e.questionId));
      case 'question.returned_to_community':
        return this.engine.statusChanged(em, [event.questionId]);
      case 'comment.posted':
      case 'comment.edited':
      case 'escalation.assigned':
      case 'escalations.breached':
        return; // comments are not indexed; assignment and breaches change neither text nor status
    }
  }
}
