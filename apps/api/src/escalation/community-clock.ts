import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { communityDeadline } from '@peerdesk/domain';
import { CategoryEntity } from '../categories/category.entity';
import { QuestionEntity } from '../questions/question.entity';
import { EscalationRepository } from './escalation.repository';

/** Keeps each question's community deadline (when the next timeout trigger fires) true to its facts. */
@Injectable()
export class CommunityClock {
  constructor(private readonly escalations: EscalationRepository) {}

  async refresh(em: EntityManager, questionId: string): Promise<void> {
    const question = await em.findOneByOrFail(QuestionEntity, { id: questionId });
    const category = await em.findOneByOrFail(CategoryEntity, { id: question.categoryId });
    const deadline = question.deletedAt
      ? null
      : communityDeadline(category, {
          askedAt: question.createdAt,
          isFirstQuestion: question.isFirstQuestion,
          hasPeerAnswer: question.hasPeerAnswer,
          hasAcceptedAnswer: question.acceptedAnswerId !== null,
          hasOpenEscalation: await this.escalations.hasOpen(em, questionId),
          isClosed: question.status === 'CLOSED',
          firedTriggers: await this.escalations.firedTimeouts(em, questionId),
        });
    await em.update(QuestionEntity, { id: questionId }, { communityDueAt: deadline?.dueAt ?? null, communityDueTrigger: deadline?.trigger ?? null });
  }
}
