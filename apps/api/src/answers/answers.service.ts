import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  acceptanceReputation, acceptsAnswers, assertValid, authorKindFor, canSeePost, checkCanAccept, checkCanDeletePost, checkCanEditPost, checkCanUnaccept, checkImagesAllowed,
  checkThreadTakesPosts, conflict, editReasonFor, type ModerationState, nextThreadStatus, notFound, type PostHold, type ThreadStatus, validateAnswer,
} from '@peerdesk/domain';
import { AuditService } from '../audit/audit.service';
import { CLOCK, type Clock } from '../common/clock';
import { DomainEvents } from '../common/domain-events';
import { Transactions } from '../database/transactions';
import { checkId } from '../common/ids';
import { missing } from '../database/errors';
import { checkPageSize, type Connection, decodeCursor, toConnection } from '../common/pagination';
import type { Viewer } from '../common/viewer';
import { MarkdownRenderer } from '../markdown/markdown-renderer';
import { QuestionEntity } from '../questions/question.entity';
import { QuestionsRepository } from '../questions/questions.repository';
import { QuestionsService } from '../questions/questions.service';
import { RevisionsRepository } from '../revisions/revisions.repository';
import { PostingHold } from '../users/posting-hold';
import { type ReputationChange, UsersRepository } from '../users/users.repository';
import { AnswerEntity } from './answer.entity';
import { type AnswerWithAcceptance, AnswersRepository } from './answers.repository';
import type { EditAnswerInput, PostAnswerInput, UserAnswersArgs } from './dto/answer.input';

/**
 * Answers and acceptance. Every change locks the question row first (through the repositories, in the
 * one lock order), so its counters, status and accepted answer stay consistent however many people act at once.
 */
@Injectable()
export class AnswersService {
  constructor(
    private readonly transactions: Transactions,
    private readonly answers: AnswersRepository,
    private readonly questions: QuestionsRepository,
    private readonly users: UsersRepository,
    private readonly questionsService: QuestionsService,
    private readonly revisions: RevisionsRepository,
    private readonly events: DomainEvents,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly markdown: MarkdownRenderer,
    private readonly postingHold: PostingHold,
    private readonly audit: AuditService,
  ) {}

  /** A member's answers for their profile, newest first; with `acceptedOnly`, the ones that solved their question. */
  async byAuthor(authorId: string, { first, after, acceptedOnly }: UserAnswersArgs): Promise<Connection<AnswerWithAcceptance>> {
    checkPageSize(first);
    const { rows, total } = await this.answers.byAuthor(authorId, acceptedOnly, first, after ? decodeCursor(after) : null);
    return toConnection(
      rows,
      first,
      total,
      ({ answer }) => ({ key: answer.createdAt.toISOString(), id: answer.id }),
      (row) => row,
    );
  }

  async post(viewer: Viewer, input: PostAnswerInput): Promise<AnswerEntity> {
    assertValid(validateAnswer(input));
    const bodyHtml = await this.markdown.render(input.body);
    checkImagesAllowed(viewer, bodyHtml);
    return this.transactions.runWithReportFactsAfterCommit(async (em) => {
      const question = await this.questionsService.lockLive(em, input.questionId);
      if (!canSeePost(viewer, question)) throw notFound(`There is no question ${input.questionId}.`);
      if (!acceptsAnswers(question.status)) throw conflict('This question is closed and takes no new answers.');
      checkThreadTakesPosts(viewer, question);
      const now = this.clock.now();
      const hold = await this.postingHold.holdFor(em, viewer, { body: input.body, bodyHtml });
      const answer = await this.answers.insert(em, {
        questionId: question.id,
        authorId: viewer.id,
        // Fixed now, from who the author is today: promoting them later rewrites no history.
        authorKind: authorKindFor(viewer.affiliation),
        body: input.body,
        bodyHtml,
      }, now, hold);
      if (hold) {
        // Not counted, not notified, not indexed, no effect on the thread's status or clocks until it is approved.
        await this.held(em, answer, hold, now);
      } else {
        await this.publish(em, question, answer, now);
      }
      return answer;
    });
  }

  /** An answer waits in the review queue (post.held), its author told why by its moderation reason. */
  private held(em: EntityManager, answer: AnswerEntity, hold: PostHold, now: Date): Promise<void> {
    return this.events.publish(em, { type: 'post.held', targetType: 'ANSWER', targetId: answer.id, questionId: answer.questionId, authorId: answer.authorId, hold, at: now });
  }

  /** An answer joins its thread for everyone: counted, the thread's status moved, and `answer.posted` told. */
  private async publish(em: EntityManager, question: QuestionEntity, answer: AnswerEntity, now: Date): Promise<void> {
    await this.questions.recordAnswerPosted(em, question.id, question.answerCount + 1, this.statusAfterAnswer(question.status), now);
    await this.events.publish(em, {
      type: 'answer.posted', questionId: question.id, answerId: answer.id, authorId: answer.authorId, authorKind: answer.authorKind, at: now,
    });
  }

  /** A closed question keeps its status when a held answer is approved into it (it took the answer before it closed). */
  private statusAfterAnswer(status: ThreadStatus): ThreadStatus {
    return status === 'CLOSED' ? status : nextThreadStatus(status, { type: 'ANSWER_POSTED' });
  }

  /**
   * Sets a locked answer's moderation state (the review queue, flags); the caller holds its question's lock.
   * Leaving VISIBLE it stops counting, as a deletion does (an accepted answer stops being accepted); becoming
   * VISIBLE it counts again, and a held answer shown for the first time is published now (answer.posted: the
   * asker hears of it, webhooks, search and the community clock follow).
   */
  async moderate(em: EntityManager, question: QuestionEntity, answer: AnswerEntity, state: ModerationState, reason: string | null, actorId: string, now: Date): Promise<void> {
    const wasCounted = answer.moderationState === 'VISIBLE';
    const counts = state === 'VISIBLE';
    await this.answers.setModeration(em, answer.id, state, counts ? null : reason, answer.published || counts);
    if (wasCounted && !counts) {
      let current = question;
      if (current.acceptedAnswerId === answer.id) current = await this.withdraw(em, current, { id: actorId }, now);
      const remainingAnswers = current.answerCount - 1;
      await this.questions.recordAnswerRemoved(em, current.id, remainingAnswers, nextThreadStatus(current.status, { type: 'ANSWER_REMOVED', remainingAnswers }));
    } else if (!wasCounted && counts) {
      if (answer.published) {
        await this.questions.recordAnswerPosted(em, question.id, question.answerCount + 1, this.statusAfterAnswer(question.status), now);
      } else {
        await this.publish(em, question, answer, now);
      }
    }
  }

  /** Returns the edited answer and its question's accepted answer, so callers can tell whether it is the accepted one. */
  async edit(viewer: Viewer, input: EditAnswerInput): Promise<AnswerWithAcceptance> {
    assertValid(validateAnswer(input));
    const bodyHtml = await this.markdown.render(input.body);
    return this.transactions.run(async (em) => {
      const { answer, question } = await this.lockLiveAnswerAndQuestion(em, input.id);
      const now = this.clock.now();
      checkCanEditPost(viewer, answer, now);
      const reason = editReasonFor(viewer, answer, input.reason);
      checkImagesAllowed(viewer, bodyHtml);
      // New text in an approved answer goes through the posting checks again: held, it stops counting until approved.
      const hold = answer.body !== input.body && answer.moderationState === 'VISIBLE'
        ? await this.postingHold.holdFor(em, viewer, { body: input.body, bodyHtml }, { targetType: 'ANSWER', targetId: answer.id })
        : null;
      await this.revisions.keep(em, 'ANSWER', answer.id, answer, viewer.id, now, reason);
      const edited = await this.answers.edit(em, answer.id, input.body, bodyHtml, now);
      if (answer.authorId !== viewer.id && answer.body !== input.body) {
        await this.audit.record(em, {
          actorId: viewer.id, action: 'ANSWER_EDITED', targetType: 'ANSWER', targetId: answer.id,
          before: { questionId: question.id, authorId: answer.authorId, body: answer.body }, after: { questionId: question.id, body: input.body }, reason, at: now,
        });
      }
      if (hold) {
        // As a hidden answer does, a held one stops counting (and stops being the accepted one).
        await this.moderate(em, question, edited, 'HELD', hold.reason, viewer.id, now);
        await this.held(em, edited, hold, now);
      } else {
        await this.questions.noteActivity(em, question.id, now);
      }
      await this.events.publish(em, { type: 'answer.edited', questionId: question.id, answerId: answer.id, editorId: viewer.id, previousBody: answer.body, at: now });
      return hold
        ? { answer: (await this.answers.findById(em, answer.id))!, acceptedAnswerId: (await this.questions.getById(em, question.id)).acceptedAnswerId }
        : { answer: edited, acceptedAnswerId: question.acceptedAnswerId };
    });
  }

  /**
   * Soft delete by the author or a moderator; an accepted answer stops being accepted first. `reason`: a
   * moderator's words when removing someone else's answer (for the audit entry of that deletion).
   */
  async delete(viewer: Viewer, answerId: string, reason: string | null = null): Promise<QuestionEntity> {
    return this.transactions.run(async (em) => {
      const { answer: target, question } = await this.lockLiveAnswerAndQuestion(em, answerId);
      const now = this.clock.now();
      checkCanDeletePost(viewer, target, now);
      if (target.authorId !== viewer.id) {
        await this.audit.record(em, {
          actorId: viewer.id, action: 'ANSWER_DELETED', targetType: 'ANSWER', targetId: target.id,
          before: { questionId: question.id, authorId: target.authorId, deleted: false, accepted: question.acceptedAnswerId === target.id },
          after: { questionId: question.id, deleted: true, accepted: false },
          reason: reason?.trim() || null,
          at: now,
        });
      }
      return this.markDeleted(em, question, target, viewer.id, now);
    });
  }

  /** Soft-deletes a locked answer (its question locked first); a held or hidden one was not counted, so the count stays. */
  async markDeleted(em: EntityManager, locked: QuestionEntity, target: AnswerEntity, byId: string, now: Date): Promise<QuestionEntity> {
    let question = locked;
    if (question.acceptedAnswerId === target.id) question = await this.withdraw(em, question, { id: byId }, now);
    await this.answers.markDeleted(em, target.id, byId, now);
    if (target.moderationState === 'VISIBLE') {
      const remainingAnswers = question.answerCount - 1;
      await this.questions.recordAnswerRemoved(em, question.id, remainingAnswers, nextThreadStatus(question.status, { type: 'ANSWER_REMOVED', remainingAnswers }));
    }
    await this.events.publish(em, { type: 'answer.removed', questionId: question.id, answerId: target.id, removedBy: byId, at: now });
    return this.questions.getById(em, question.id);
  }

  async accept(viewer: Viewer, answerId: string): Promise<QuestionEntity> {
    return this.transactions.runWithReportFactsAfterCommit((em) => this.acceptWithin(em, viewer, answerId));
  }

  /** Accepts in the caller's transaction, which holds no lock yet (a reminder's one-click link accepts as the asker, without a session). */
  async acceptWithin(em: EntityManager, viewer: Pick<Viewer, 'id' | 'role' | 'suspendedUntil' | 'suspensionReason' | 'silencedUntil' | 'silenceReason'>, answerId: string): Promise<QuestionEntity> {
    const { answer, question } = await this.lockLiveAnswerAndQuestion(em, answerId);
    const now = this.clock.now();
    checkCanAccept(viewer, question, answer, now);
    if (answer.moderationState !== 'VISIBLE') throw conflict('This answer is held or hidden for review; it can be accepted once a moderator approves it.');
    if (question.acceptedAnswerId === answer.id) return question;
    await this.answers.withdrawAcceptance(em, question.id, viewer.id, now);
    await this.answers.recordAcceptance(em, { questionId: question.id, answerId: answer.id, acceptedBy: viewer.id, acceptedAt: now });
    await this.users.moveReputation(em, [
      ...(await this.acceptanceReputation(em, question, question.acceptedAnswerId, -1, viewer)),
      ...(await this.acceptanceReputation(em, question, answer.id, 1, viewer)),
    ], now);
    const status = nextThreadStatus(question.status, { type: 'ANSWER_ACCEPTED' });
    await this.questions.setAcceptedAnswer(em, question.id, answer.id, status, now);
    if (question.authorId !== viewer.id) {
      await this.audit.record(em, {
        actorId: viewer.id, action: 'ANSWER_ACCEPTED_FOR_ASKER', targetType: 'ANSWER', targetId: answer.id,
        before: { questionId: question.id, acceptedAnswerId: question.acceptedAnswerId, status: question.status },
        after: { questionId: question.id, acceptedAnswerId: answer.id, status },
        at: now,
      });
    }
    await this.events.publish(em, {
      type: 'answer.accepted', questionId: question.id, answerId: answer.id, answerAuthorId: answer.authorId, acceptedBy: viewer.id, at: now,
    });
    return this.questions.getById(em, question.id);
  }

  async unaccept(viewer: Viewer, questionId: string): Promise<QuestionEntity> {
    return this.transactions.run(async (em) => {
      const question = await this.questionsService.lockLive(em, questionId);
      const now = this.clock.now();
      checkCanUnaccept(viewer, question, now);
      if (!question.acceptedAnswerId) throw conflict('This question has no accepted answer to withdraw.');
      const withdrawn = await this.withdraw(em, question, viewer, now);
      if (question.authorId !== viewer.id) {
        await this.audit.record(em, {
          actorId: viewer.id, action: 'ACCEPTANCE_WITHDRAWN_FOR_ASKER', targetType: 'QUESTION', targetId: question.id,
          before: { acceptedAnswerId: question.acceptedAnswerId, status: question.status }, after: { acceptedAnswerId: null, status: withdrawn.status },
          at: now,
        });
      }
      return withdrawn;
    });
  }

  private async withdraw(em: EntityManager, question: QuestionEntity, viewer: Pick<Viewer, 'id'>, now: Date): Promise<QuestionEntity> {
    await this.answers.withdrawAcceptance(em, question.id, viewer.id, now);
    await this.users.moveReputation(em, await this.acceptanceReputation(em, question, question.acceptedAnswerId, -1, viewer), now);
    const status = nextThreadStatus(question.status, { type: 'ACCEPTANCE_WITHDRAWN', answerCount: question.answerCount });
    await this.questions.setAcceptedAnswer(em, question.id, null, status, now);
    await this.events.publish(em, { type: 'acceptance.withdrawn', questionId: question.id, withdrawnBy: viewer.id, at: now });
    return this.questions.getById(em, question.id);
  }

  /** What giving (1) or taking back (-1) an acceptance moves: the answer's author's points, as ledger rows; nothing when there is no such answer. */
  private async acceptanceReputation(em: EntityManager, question: QuestionEntity, answerId: string | null, sign: 1 | -1, actor: Pick<Viewer, 'id'>): Promise<ReputationChange[]> {
    const answer = answerId ? await this.answers.findById(em, answerId) : null;
    if (!answer) return [];
    return [{
      userId: answer.authorId, delta: sign * acceptanceReputation(answer, question), kind: sign === 1 ? 'ANSWER_ACCEPTED' : 'ACCEPTANCE_WITHDRAWN',
      questionId: question.id, answerId: answer.id, actorId: actor.id,
    }];
  }

  /**
   * The live answer and its live question, the question locked first (AnswersRepository.lockLiveWithQuestion);
   * NOT_FOUND for either one missing.
   */
  async lockLiveAnswerAndQuestion(em: EntityManager, answerId: string): Promise<{ answer: AnswerEntity; question: QuestionEntity }> {
    const locked = await this.answers.lockLiveWithQuestion(em, checkId(answerId, 'answer'));
    if (!locked) throw await missing(em, AnswerEntity, 'answer', answerId);
    if (!locked.question) throw await missing(em, QuestionEntity, 'question', locked.answer.questionId);
    return { answer: locked.answer, question: locked.question };
  }
}
