import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { acceptanceReputation, acceptsAnswers, assertValid, authorKindFor, checkCanAccept, checkCanDeletePost, checkCanEditPost, checkCanUnaccept, checkThreadTakesPosts, conflict, editReasonFor, nextThreadStatus, validateAnswer } from '@peerdesk/domain';
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
import { UsersRepository } from '../users/users.repository';
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
    return this.transactions.run(async (em) => {
      const question = await this.questionsService.lockLive(em, input.questionId);
      if (!acceptsAnswers(question.status)) throw conflict('This question is closed and takes no new answers.');
      checkThreadTakesPosts(viewer, question);
      const now = this.clock.now();
      const answer = await this.answers.insert(em, {
        questionId: question.id,
        authorId: viewer.id,
        // Fixed now, from who the author is today: promoting them later rewrites no history.
        authorKind: authorKindFor(viewer.affiliation),
        body: input.body,
        bodyHtml,
      }, now);
      await this.questions.recordAnswerPosted(em, question.id, question.answerCount + 1, nextThreadStatus(question.status, { type: 'ANSWER_POSTED' }), now);
      await this.events.publish(em, {
        type: 'answer.posted', questionId: question.id, answerId: answer.id, authorId: viewer.id, authorKind: answer.authorKind, at: now,
      });
      return answer;
    });
  }

  /** Returns the edited answer and its question's accepted answer, so callers can tell whether it is the accepted one. */
  async edit(viewer: Viewer, input: EditAnswerInput): Promise<AnswerWithAcceptance> {
    assertValid(validateAnswer(input));
    const bodyHtml = await this.markdown.render(input.body);
    return this.transactions.run(async (em) => {
      const { answer, question } = await this.lockLiveAnswerAndQuestion(em, input.id);
      checkCanEditPost(viewer, answer);
      const reason = editReasonFor(viewer, answer, input.reason);
      const now = this.clock.now();
      await this.revisions.keep(em, 'ANSWER', answer.id, answer, viewer.id, now, reason);
      const edited = await this.answers.edit(em, answer.id, input.body, bodyHtml, now);
      await this.questions.noteActivity(em, question.id, now);
      await this.events.publish(em, { type: 'answer.edited', questionId: question.id, answerId: answer.id, editorId: viewer.id, at: now });
      return { answer: edited, acceptedAnswerId: question.acceptedAnswerId };
    });
  }

  /**
   * Soft delete by the author or a moderator; an accepted answer stops being accepted first. `reason`: a
   * moderator's words when removing someone else's answer (for the audit entry of that deletion).
   */
  async delete(viewer: Viewer, answerId: string, reason: string | null = null): Promise<QuestionEntity> {
    void reason; // seam: the audit log's entry for deletions of others' posts records it
    return this.transactions.run(async (em) => {
      const { answer: target, question: locked } = await this.lockLiveAnswerAndQuestion(em, answerId);
      checkCanDeletePost(viewer, target);
      let question = locked;
      const now = this.clock.now();
      if (question.acceptedAnswerId === target.id) question = await this.withdraw(em, question, viewer, now);
      await this.answers.markDeleted(em, target.id, viewer.id, now);
      const remainingAnswers = question.answerCount - 1;
      await this.questions.recordAnswerRemoved(em, question.id, remainingAnswers, nextThreadStatus(question.status, { type: 'ANSWER_REMOVED', remainingAnswers }));
      await this.events.publish(em, { type: 'answer.removed', questionId: question.id, answerId: target.id, removedBy: viewer.id, at: now });
      return this.questions.getById(em, question.id);
    });
  }

  async accept(viewer: Viewer, answerId: string): Promise<QuestionEntity> {
    return this.transactions.run(async (em) => {
      const { answer, question } = await this.lockLiveAnswerAndQuestion(em, answerId);
      checkCanAccept(viewer, question, answer);
      if (question.acceptedAnswerId === answer.id) return question;
      const now = this.clock.now();
      await this.answers.withdrawAcceptance(em, question.id, viewer.id, now);
      await this.answers.recordAcceptance(em, { questionId: question.id, answerId: answer.id, acceptedBy: viewer.id, acceptedAt: now });
      await this.users.moveReputation(em, [
        ...(await this.acceptanceReputation(em, question, question.acceptedAnswerId, -1)),
        ...(await this.acceptanceReputation(em, question, answer.id, 1)),
      ]);
      await this.questions.setAcceptedAnswer(em, question.id, answer.id, nextThreadStatus(question.status, { type: 'ANSWER_ACCEPTED' }), now);
      await this.events.publish(em, {
        type: 'answer.accepted', questionId: question.id, answerId: answer.id, answerAuthorId: answer.authorId, acceptedBy: viewer.id, at: now,
      });
      return this.questions.getById(em, question.id);
    });
  }

  async unaccept(viewer: Viewer, questionId: string): Promise<QuestionEntity> {
    return this.transactions.run(async (em) => {
      const question = await this.questionsService.lockLive(em, questionId);
      checkCanUnaccept(viewer, question);
      if (!question.acceptedAnswerId) throw conflict('This question has no accepted answer to withdraw.');
      return this.withdraw(em, question, viewer, this.clock.now());
    });
  }

  private async withdraw(em: EntityManager, question: QuestionEntity, viewer: Viewer, now: Date): Promise<QuestionEntity> {
    await this.answers.withdrawAcceptance(em, question.id, viewer.id, now);
    await this.users.moveReputation(em, await this.acceptanceReputation(em, question, question.acceptedAnswerId, -1));
    const status = nextThreadStatus(question.status, { type: 'ACCEPTANCE_WITHDRAWN', answerCount: question.answerCount });
    await this.questions.setAcceptedAnswer(em, question.id, null, status, now);
    await this.events.publish(em, { type: 'acceptance.withdrawn', questionId: question.id, withdrawnBy: viewer.id, at: now });
    return this.questions.getById(em, question.id);
  }

  /** What giving (1) or taking back (-1) an acceptance moves: the answer's author's points; nothing when there is no such answer. */
  private async acceptanceReputation(em: EntityManager, question: QuestionEntity, answerId: string | null, sign: 1 | -1): Promise<Array<{ userId: string | null; delta: number }>> {
    const answer = answerId ? await this.answers.findById(em, answerId) : null;
    return answer ? [{ userId: answer.authorId, delta: sign * acceptanceReputation(answer, question) }] : [];
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
