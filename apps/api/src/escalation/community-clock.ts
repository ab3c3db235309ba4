import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { communityDeadline } from '@peerdesk/domain';
import { CategoriesRepository } from '../categories/categories.repository';
import { ImporterRepository } from '../importer/importer.repository';
import { QuestionsRepository } from '../questions/questions.repository';
import { EscalationRepository } from './escalation.repository';

/** Keeps each question's community deadline (when the next timeout trigger fires) true to its facts. */
@Injectable()
export class CommunityClock {
  constructor(
    private readonly escalations: EscalationRepository,
    private readonly questions: QuestionsRepository,
    private readonly categories: CategoriesRepository,
    private readonly imports: ImporterRepository,
  ) {}

  async refresh(em: EntityManager, questionId: string): Promise<void> {
    const question = await this.questions.getById(em, questionId);
    const category = await this.categories.findOrFail(em, question.categoryId);
    const deadline = question.deletedAt
      ? null
      : communityDeadline(category, {
          askedAt: question.createdAt,
          isFirstQuestion: question.isFirstQuestion,
          hasPeerAnswer: question.hasPeerAnswer,
          hasAcceptedAnswer: question.acceptedAnswerId !== null,
          isSolved: question.status === 'SOLVED',
          hasOpenEscalation: await this.escalations.hasOpen(em, questionId),
          isClosed: question.status === 'CLOSED',
          isImported: await this.imports.isImported(em, { targetType: 'QUESTION', targetId: questionId }),
          firedTriggers: await this.escalations.firedTimeouts(em, questionId),
        });
    await this.questions.setCommunityDeadline(em, questionId, deadline);
  }
}
