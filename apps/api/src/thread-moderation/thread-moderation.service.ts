import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  acceptsAnswers, type AuditAction, autoCloseNote, checkCloseReason, checkModerationReason, type CloseReason, conflict, isDueToAutoClose,
  MAX_PINNED_PER_CATEGORY, nextThreadStatus, notFound, validationFailed,
} from '@peerdesk/domain';
import { AnswersRepository } from '../answers/answers.repository';
import { AuditService } from '../audit/audit.service';
import { CategoriesRepository } from '../categories/categories.repository';
import { CLOCK, type Clock } from '../common/clock';
import type { BatchResult } from '../common/jobs/batches';
import { DomainEvents } from '../common/domain-events';
import { checkId, isEntityId } from '../common/ids';
import type { Viewer } from '../common/viewer';
import { CommentsRepository } from '../comments/comments.repository';
import { Transactions } from '../database/transactions';
import type { QuestionEntity } from '../questions/question.entity';
import { QuestionsRepository } from '../questions/questions.repository';
import { QuestionsService } from '../questions/questions.service';

/**
 * The moderator's toolkit on a thread: lock, close with a reason, reopen, move, delete, pin, and merge a
 * duplicate's answers into its original. Each action locks the question row first (the one lock order),
 * records itself in the audit log with before, after and reason, and tells the other modules by a domain
 * event in the same transaction (escalation closes or re-times, search re-indexes).
 */
@Injectable()
export class ThreadModerationService {
  constructor(
    private readonly transactions: Transactions,
    private readonly questions: QuestionsRepository,
    private readonly questionsService: QuestionsService,
    private readonly answers: AnswersRepository,
    private readonly comments: CommentsRepository,
    private readonly categories: CategoriesRepository,
    private readonly audit: AuditService,
    private readonly events: DomainEvents,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  lock(viewer: Viewer, id: string, reasonInput: string): Promise<QuestionEntity> {
    const reason = checkModerationReason(reasonInput, 'reason', 'Say why the question is locked');
    return this.withQuestion(id, async (em, question, now) => {
      if (question.lockedAt) throw conflict(`This question is already locked: ${question.lockReason}`);
      await this.questions.setLock(em, question.id, { at: now, reason });
      await this.record(em, viewer, 'QUESTION_LOCKED', question.id, { locked: false }, { locked: true, lockReason: reason }, reason, now);
    });
  }

  unlock(viewer: Viewer, id: string): Promise<QuestionEntity> {
    return this.withQuestion(id, async (em, question, now) => {
      if (!question.lockedAt) throw conflict('This question is not locked.');
      await this.questions.setLock(em, question.id, null);
      await this.record(em, viewer, 'QUESTION_UNLOCKED', question.id, { locked: true, lockReason: question.lockReason }, { locked: false }, null, now);
    });
  }

  close(viewer: Viewer, id: string, kind: CloseReason, noteInput: string | null | undefined): Promise<QuestionEntity> {
    const { reason, note } = checkCloseReason(kind, noteInput);
    return this.withQuestion(id, (em, question, now) => this.closeLocked(em, viewer.id, question, reason as Exclude<CloseReason, 'DUPLICATE'>, note, now));
  }

  /**
   * Closes, as the system, up to `limit` solved questions due to close by themselves (their category's
   * `solvedAutoCloseDays` after acceptance, `isDueToAutoClose`), in one transaction: claimed with SKIP LOCKED,
   * so several API processes never close one twice, and each closed as a moderator's close is (state
   * machine, audit row with no actor, `question.closed` event) with the reason RESOLVED. Returns what it claimed and closed.
   */
  autoCloseDue(limit: number): Promise<BatchResult> {
    return this.transactions.run(async (em) => {
      const now = this.clock.now();
      const claimed = await this.questions.claimDueToAutoClose(em, now, limit);
      const done: string[] = [];
      for (const { question, days } of claimed) {
        if (!isDueToAutoClose(question, { solvedAutoCloseDays: days }, now)) continue;
        await this.closeLocked(em, null, question, 'RESOLVED', autoCloseNote(days), now);
        done.push(question.id);
      }
      return { claimed: claimed.length, done };
    });
  }

  /** The one close: the caller holds the question's row lock; `actorId` null is the system. */
  private async closeLocked(
    em: EntityManager, actorId: string | null, question: QuestionEntity, closeReason: Exclude<CloseReason, 'DUPLICATE'>, note: string | null, now: Date,
  ): Promise<void> {
    const status = nextThreadStatus(question.status, { type: 'CLOSED' });
    await this.questions.close(em, question.id, status, closeReason, note, now);
    await this.audit.record(em, {
      actorId, action: 'QUESTION_CLOSED', targetType: 'QUESTION', targetId: question.id,
      before: { status: question.status }, after: { status, closeReason, closeNote: note }, reason: note ?? closeReason, at: now,
    });
    await this.events.publish(em, { type: 'question.closed', questionId: question.id, reason: closeReason, closedBy: actorId, at: now });
  }

  /** Reopens a question closed with a reason; a duplicate reopens by taking its mark off (unmarkDuplicate), so its link goes too. */
  reopen(viewer: Viewer, id: string): Promise<QuestionEntity> {
    return this.withQuestion(id, async (em, question, now) => {
      const duplicateOf = await this.questions.duplicateLinkOf(em, question.id);
      if (duplicateOf) throw conflict(`This question is closed as a duplicate of question ${duplicateOf}; take the duplicate mark off to reopen it.`);
      const status = nextThreadStatus(question.status, {
        type: 'REOPENED', answerCount: question.answerCount, hasAcceptedAnswer: question.acceptedAnswerId !== null,
      });
      await this.questions.reopen(em, question.id, status, now);
      await this.record(em, viewer, 'QUESTION_REOPENED', question.id,
        { status: question.status, closeReason: question.closeReason, closeNote: question.closeNote }, { status }, null, now);
      await this.events.publish(em, { type: 'question.reopened', questionId: question.id, reopenedBy: viewer.id, at: now });
    });
  }

  /** Moves the question to another category; its community deadline follows the new category's windows and calendar. */
  move(viewer: Viewer, id: string, categoryId: string, reasonInput: string): Promise<QuestionEntity> {
    const reason = checkModerationReason(reasonInput, 'reason', 'Say why the question moves');
    if (!isEntityId(categoryId)) throw validationFailed([{ field: 'categoryId', message: `There is no category "${categoryId}".` }]);
    return this.withQuestion(id, async (em, question, now) => {
      const [category] = [...(await this.categories.findManyById(em, [categoryId])).values()];
      if (!category) throw validationFailed([{ field: 'categoryId', message: `There is no category "${categoryId}".` }]);
      if (category.id === question.categoryId) throw validationFailed([{ field: 'categoryId', message: `The question is already in ${category.name}.` }]);
      await this.questions.move(em, question.id, category.id, now);
      await this.record(em, viewer, 'QUESTION_MOVED', question.id,
        { categoryId: question.categoryId, pinned: question.pinnedAt !== null }, { categoryId: category.id, pinned: false }, reason, now);
      await this.events.publish(em, {
        type: 'question.moved', questionId: question.id, fromCategoryId: question.categoryId, toCategoryId: category.id, movedBy: viewer.id, at: now,
      });
    });
  }

  /**
   * Soft delete: the question and its answers leave every list, search and the clocks; an open escalation
   * closes; reports leave it out (docs/metrics.md). The row stays for the audit log and the reports' history.
   */
  async delete(viewer: Viewer, id: string, reasonInput: string): Promise<true> {
    const reason = checkModerationReason(reasonInput, 'reason', 'Say why the question is deleted');
    await this.withQuestion(id, async (em, question, now) => {
      await this.questionsService.markDeleted(em, question, viewer.id, now);
      await this.record(em, viewer, 'QUESTION_DELETED', question.id,
        { deleted: false, status: question.status, title: question.title, authorId: question.authorId }, { deleted: true }, reason, now);
    });
    return true;
  }

  pin(viewer: Viewer, id: string): Promise<QuestionEntity> {
    return this.withQuestion(id, async (em, question, now) => {
      if (question.pinnedAt) throw conflict('This question is already pinned.');
      if ((await this.questions.countPinned(em, question.categoryId)) >= MAX_PINNED_PER_CATEGORY) {
        throw conflict(`A category pins at most ${MAX_PINNED_PER_CATEGORY} questions; unpin one first.`);
      }
      await this.questions.setPinned(em, question.id, now);
      await this.record(em, viewer, 'QUESTION_PINNED', question.id, { pinned: false }, { pinned: true, categoryId: question.categoryId }, null, now);
    });
  }

  unpin(viewer: Viewer, id: string): Promise<QuestionEntity> {
    return this.withQuestion(id, async (em, question, now) => {
      if (!question.pinnedAt) throw conflict('This question is not pinned.');
      await this.questions.setPinned(em, question.id, null);
      await this.record(em, viewer, 'QUESTION_UNPINNED', question.id, { pinned: true }, { pinned: false }, null, now);
    });
  }

  /**
   * Moves a marked duplicate's live answers (with their comments, votes, authors and dates) to its original.
   * Both questions are locked in id order (QuestionsRepository.lockLiveDuplicatePair), the original for
   * update too. The duplicate's accepted answer becomes an ordinary answer on the original: its acceptance
   * is withdrawn without moving reputation (the points were earned). Report facts of both questions refresh
   * at commit (the answers' and acceptances' triggers). Returns the original.
   */
  mergeDuplicateAnswers(viewer: Viewer, questionId: string): Promise<QuestionEntity> {
    checkId(questionId, 'question');
    const now = this.clock.now();
    return this.transactions.run(async (em) => {
      const originalId = await this.questions.duplicateLinkOf(em, questionId);
      if (originalId === undefined) throw notFound(`There is no question ${questionId}.`);
      if (originalId === null) throw conflict(`Question ${questionId} is not marked as a duplicate; mark it first, then merge its answers.`);
      const { question: target, original } = await this.questions.lockLiveDuplicatePair(em, questionId, originalId, 'update');
      if (!target) throw notFound(`There is no question ${questionId}.`);
      if (target.duplicateOf !== originalId) throw conflict('The duplicate mark changed meanwhile; reload and try again.');
      if (!original) throw conflict(`The original, question ${originalId}, has been removed.`);
      const into = original.question;
      if (!acceptsAnswers(into.status)) throw conflict(`The original, question ${into.id}, is closed; reopen it before merging answers into it.`);
      const dup = target.question;

      const moved = await this.answers.moveLive(em, dup.id, into.id);
      if (moved.length === 0) throw conflict(`Question ${dup.id} has no answers to merge.`);
      if (dup.acceptedAnswerId) await this.answers.withdrawAcceptance(em, dup.id, viewer.id, now);
      await this.comments.moveWithAnswers(em, moved, into.id);
      let status = into.status;
      for (let i = 0; i < moved.length; i++) status = nextThreadStatus(status, { type: 'ANSWER_POSTED' });
      await this.questions.recordAnswersMerged(em, into.id, into.answerCount + moved.length, status, now);
      await this.questions.recordAnswersMergedAway(em, dup.id, now);
      await this.record(em, viewer, 'QUESTION_ANSWERS_MERGED', dup.id,
        { answerCount: dup.answerCount, acceptedAnswerId: dup.acceptedAnswerId, originalAnswerCount: into.answerCount },
        { mergedInto: into.id, answerIds: moved, answerCount: 0, originalAnswerCount: into.answerCount + moved.length }, null, now);
      await this.events.publish(em, { type: 'question.answers_merged', questionId: into.id, fromQuestionId: dup.id, answerIds: moved, mergedBy: viewer.id, at: now });
      return this.questions.getById(em, into.id);
    });
  }

  private record(
    em: EntityManager, viewer: Viewer, action: AuditAction, questionId: string,
    before: Record<string, unknown>, after: Record<string, unknown>, reason: string | null, at: Date,
  ): Promise<void> {
    return this.audit.record(em, { actorId: viewer.id, action, targetType: 'QUESTION', targetId: questionId, before, after, reason, at });
  }

  /** Locks the live question (NOT_FOUND when there is none), does the work, and returns the question as it is now. */
  private withQuestion(id: string, work: (em: EntityManager, question: QuestionEntity, now: Date) => Promise<void>): Promise<QuestionEntity> {
    return this.transactions.run(async (em) => {
      const question = await this.questionsService.lockLive(em, id);
      await work(em, question, this.clock.now());
      return this.questions.getById(em, question.id);
    });
  }
}
