import { Inject, Injectable } from '@nestjs/common';
import { checkCanCloseDuplicates, checkDuplicateTarget, conflict, nextThreadStatus, notFound, validationFailed } from '@peerdesk/domain';
import { AuditService } from '../audit/audit.service';
import { CLOCK, type Clock } from '../common/clock';
import { DomainEvents } from '../common/domain-events';
import { checkId } from '../common/ids';
import type { Viewer } from '../common/viewer';
import { Transactions } from '../database/transactions';
import type { QuestionEntity } from '../questions/question.entity';
import { type QuestionRow, QuestionsRepository } from '../questions/questions.repository';

/**
 * Moderators and LEADER members (checkCanCloseDuplicates) mark a question a duplicate of another: it closes, and
 * clients send readers to the original. Every mark and unmark is audited, whoever makes it.
 */
@Injectable()
export class DuplicatesService {
  constructor(
    private readonly transactions: Transactions,
    private readonly questions: QuestionsRepository,
    private readonly audit: AuditService,
    private readonly events: DomainEvents,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async markDuplicate(viewer: Viewer, questionId: string, originalId: string): Promise<QuestionEntity> {
    const now = this.clock.now();
    checkCanCloseDuplicates(viewer, now);
    checkId(questionId, 'question');
    checkId(originalId, 'question');
    if (questionId === originalId) checkDuplicateTarget(questionId, { id: originalId, deleted: false, duplicateOf: null });
    return this.transactions.run(async (em) => {
      const { question: target, original } = await this.questions.lockLiveDuplicatePair(em, questionId, originalId);
      if (!target) throw notFound(`There is no question ${questionId}.`);
      if (!original && !(await this.questions.exists(em, originalId))) {
        throw validationFailed([{ field: 'originalId', message: `There is no question ${originalId}.` }]);
      }
      checkDuplicateTarget(questionId, { id: originalId, deleted: !original, duplicateOf: original?.duplicateOf ?? null });
      if (target.duplicateOf !== null) {
        throw conflict(`Question ${questionId} is already a duplicate of question ${target.duplicateOf}; unmark it first.`);
      }
      const status = nextThreadStatus(target.question.status, { type: 'CLOSED' });
      await this.questions.setDuplicateOf(em, questionId, originalId, status, now);
      const repointed = await this.questions.repointDuplicates(em, questionId, originalId);
      await this.audit.record(em, {
        actorId: viewer.id, action: 'QUESTION_MARKED_DUPLICATE', targetType: 'QUESTION', targetId: questionId,
        before: { status: target.question.status, duplicateOf: null },
        after: { status, duplicateOf: originalId, ...(repointed.length ? { repointedDuplicates: repointed } : {}) },
        at: now,
      });
      await this.events.publish(em, { type: 'question.marked_duplicate', questionId, originalId, markedBy: viewer.id, at: now });
      return this.questions.getById(em, questionId);
    });
  }

  async unmarkDuplicate(viewer: Viewer, questionId: string): Promise<QuestionEntity> {
    const now = this.clock.now();
    checkCanCloseDuplicates(viewer, now);
    checkId(questionId, 'question');
    return this.transactions.run(async (em) => {
      const target = await this.questions.lockLiveWithDuplicateLink(em, questionId, 'update');
      if (!target) throw notFound(`There is no question ${questionId}.`);
      const originalId = target.duplicateOf;
      if (originalId === null) throw conflict(`Question ${questionId} is not marked as a duplicate.`);
      const { question } = target;
      const status = nextThreadStatus(question.status, {
        type: 'REOPENED', answerCount: question.answerCount, hasAcceptedAnswer: question.acceptedAnswerId !== null,
      });
      await this.questions.setDuplicateOf(em, questionId, null, status, now);
      await this.audit.record(em, {
        actorId: viewer.id, action: 'QUESTION_UNMARKED_DUPLICATE', targetType: 'QUESTION', targetId: questionId,
        before: { status: question.status, duplicateOf: originalId }, after: { status, duplicateOf: null }, at: now,
      });
      await this.events.publish(em, { type: 'question.duplicate_unmarked', questionId, originalId, unmarkedBy: viewer.id, at: now });
      return this.questions.getById(em, questionId);
    });
  }

  /** For each question id, its live original (if it is a marked duplicate): what clients redirect readers to. */
  originals(questionIds: readonly string[]): Promise<Map<string, QuestionRow>> {
    return this.questions.originalsOf(questionIds);
  }
}
