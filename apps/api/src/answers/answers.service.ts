import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { acceptanceReputation, acceptsAnswers, assertValid, authorKindFor, checkCanAccept, checkCanDeletePost, checkCanEditPost, checkCanUnaccept, conflict, nextThreadStatus, validateAnswer } from '@peerdesk/domain';
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
import { keepRevision } from '../revisions/revisions';
import { moveReputation } from '../users/reputation';
import { AnswerEntity } from './answer.entity';
import { type AnswerModel, toAnswerModel } from './answer.model';
import { AnswersRepository } from './answers.repository';
import type { EditAnswerInput, PostAnswerInput, UserAnswersArgs } from './dto/answer.input';

/**
 * Answers and acceptance. Every change locks the question row first, so its counters, status and
 * accepted answer stay consistent however many people act at once.
 */
@Injectable()
export class AnswersService {
  constructor(
    private readonly transactions: Transactions,
    private readonly answers: AnswersRepository,
    private readonly questions: QuestionsRepository,
    private readonly events: DomainEvents,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly markdown: MarkdownRenderer,
  ) {}

  /** A member's answers for their profile, newest first; with `acceptedOnly`, the ones that solved their question. */
  async byAuthor(authorId: string, { first, after, acceptedOnly }: UserAnswersArgs): Promise<Connection<AnswerModel>> {
    checkPageSize(first);
    const { rows, total } = await this.answers.byAuthor(authorId, acceptedOnly, first, after ? decodeCursor(after) : null);
    return toConnection(
      rows,
      first,
      total,
      ({ answer }) => ({ key: answer.createdAt.toISOString(), id: answer.id }),
      ({ answer, acceptedAnswerId }) => toAnswerModel(answer, acceptedAnswerId),
    );
  }

  async post(viewer: Viewer, input: PostAnswerInput): Promise<AnswerEntity> {
    assertValid(validateAnswer(input));
    const bodyHtml = await this.markdown.render(input.body);
    return this.transactions.run(async (em) => {
      const question = await this.lockQuestion(em, input.questionId);
      if (!acceptsAnswers(question.status)) throw conflict('This question is closed and takes no new answers.');
      const now = this.clock.now();
      const inserted = await em.insert(AnswerEntity, {
        questionId: question.id,
        authorId: viewer.id,
        // Fixed now, from who the author is today: promoting them later rewrites no history.
        authorKind: authorKindFor(viewer.affiliation),
        body: input.body,
        bodyHtml,
        score: 0,
        createdAt: now,
        updatedAt: now,
      });
      await em.update(QuestionEntity, { id: question.id }, {
        answerCount: question.answerCount + 1,
        status: nextThreadStatus(question.status, { type: 'ANSWER_POSTED' }),
        lastActivityAt: now,
      });
      const answer = await em.findOneByOrFail(AnswerEntity, { id: String(inserted.identifiers[0].id) });
      await this.events.publish(em, {
        type: 'answer.posted', questionId: question.id, answerId: answer.id, authorId: viewer.id, authorKind: answer.authorKind, at: now,
      });
      return answer;
    });
  }

  /** Returns the edited answer and its question's accepted answer, so callers can tell whether it is the accepted one. */
  async edit(viewer: Viewer, input: EditAnswerInput): Promise<{ answer: AnswerEntity; acceptedAnswerId: string | null }> {
    assertValid(validateAnswer(input));
    const bodyHtml = await this.markdown.render(input.body);
    return this.transactions.run(async (em) => {
      const { answer, question } = await this.lockLiveAnswerAndQuestion(em, input.id);
      checkCanEditPost(viewer, answer);
      const now = this.clock.now();
      await keepRevision(em, 'ANSWER', answer.id, answer, viewer.id, now);
      await em.update(AnswerEntity, { id: answer.id }, { body: input.body, bodyHtml, updatedAt: now });
      await em.update(QuestionEntity, { id: question.id }, { lastActivityAt: now });
      await this.events.publish(em, { type: 'answer.edited', questionId: question.id, answerId: answer.id, editorId: viewer.id, at: now });
      return { answer: await em.findOneByOrFail(AnswerEntity, { id: answer.id }), acceptedAnswerId: question.acceptedAnswerId };
    });
  }

  /** Soft delete by the author or a moderator; an accepted answer stops being accepted first. */
  async delete(viewer: Viewer, answerId: string): Promise<QuestionEntity> {
    return this.transactions.run(async (em) => {
      const { answer: target, question: locked } = await this.lockLiveAnswerAndQuestion(em, answerId);
      checkCanDeletePost(viewer, target);
      let question = locked;
      const now = this.clock.now();
      if (question.acceptedAnswerId === target.id) question = await this.withdraw(em, question, viewer, now);
      await em.update(AnswerEntity, { id: target.id }, { deletedAt: now, deletedBy: viewer.id });
      const remainingAnswers = question.answerCount - 1;
      await em.update(QuestionEntity, { id: question.id }, {
        answerCount: remainingAnswers,
        status: nextThreadStatus(question.status, { type: 'ANSWER_REMOVED', remainingAnswers }),
      });
      await this.events.publish(em, { type: 'answer.removed', questionId: question.id, answerId: target.id, removedBy: viewer.id, at: now });
      return em.findOneByOrFail(QuestionEntity, { id: question.id });
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
      await moveReputation(em, [
        ...(await this.acceptanceReputation(em, question, question.acceptedAnswerId, -1)),
        ...(await this.acceptanceReputation(em, question, answer.id, 1)),
      ]);
      await em.update(QuestionEntity, { id: question.id }, {
        acceptedAnswerId: answer.id,
        solvedAt: now,
        status: nextThreadStatus(question.status, { type: 'ANSWER_ACCEPTED' }),
        lastActivityAt: now,
      });
      await this.events.publish(em, {
        type: 'answer.accepted', questionId: question.id, answerId: answer.id, answerAuthorId: answer.authorId, acceptedBy: viewer.id, at: now,
      });
      return em.findOneByOrFail(QuestionEntity, { id: question.id });
    });
  }

  async unaccept(viewer: Viewer, questionId: string): Promise<QuestionEntity> {
    return this.transactions.run(async (em) => {
      const question = await this.lockQuestion(em, questionId);
      checkCanUnaccept(viewer, question);
      if (!question.acceptedAnswerId) throw conflict('This question has no accepted answer to withdraw.');
      return this.withdraw(em, question, viewer, this.clock.now());
    });
  }

  private async withdraw(em: EntityManager, question: QuestionEntity, viewer: Viewer, now: Date): Promise<QuestionEntity> {
    await this.answers.withdrawAcceptance(em, question.id, viewer.id, now);
    await moveReputation(em, await this.acceptanceReputation(em, question, question.acceptedAnswerId, -1));
    await em.update(QuestionEntity, { id: question.id }, {
      acceptedAnswerId: null,
      solvedAt: null,
      status: nextThreadStatus(question.status, { type: 'ACCEPTANCE_WITHDRAWN', answerCount: question.answerCount }),
      lastActivityAt: now,
    });
    await this.events.publish(em, { type: 'acceptance.withdrawn', questionId: question.id, withdrawnBy: viewer.id, at: now });
    return em.findOneByOrFail(QuestionEntity, { id: question.id });
  }

  /** What giving (1) or taking back (-1) an acceptance moves: the answer's author's points; nothing when there is no such answer. */
  private async acceptanceReputation(em: EntityManager, question: QuestionEntity, answerId: string | null, sign: 1 | -1): Promise<Array<{ userId: string | null; delta: number }>> {
    const answer = answerId ? await em.findOneBy(AnswerEntity, { id: answerId }) : null;
    return answer ? [{ userId: answer.authorId, delta: sign * acceptanceReputation(answer, question) }] : [];
  }

  private async lockQuestion(em: EntityManager, questionId: string): Promise<QuestionEntity> {
    const question = await this.questions.lockLive(em, checkId(questionId, 'question'));
    if (!question) throw await missing(em, QuestionEntity, 'question', questionId);
    return question;
  }

  private async findLiveAnswer(em: EntityManager, answerId: string): Promise<AnswerEntity> {
    const answer = await this.answers.findLive(em, checkId(answerId, 'answer'));
    if (!answer) throw await missing(em, AnswerEntity, 'answer', answerId);
    return answer;
  }

  /**
   * Locks the answer's question, then reads the answer again under that lock: whoever changed it
   * concurrently (a second click on "delete", an acceptance) has then either committed or not begun.
   * Every answer change takes the question lock first, so they also never deadlock one another.
   */
  private async lockLiveAnswerAndQuestion(em: EntityManager, answerId: string): Promise<{ answer: AnswerEntity; question: QuestionEntity }> {
    const found = await this.findLiveAnswer(em, answerId);
    const question = await this.lockQuestion(em, found.questionId);
    return { answer: await this.findLiveAnswer(em, answerId), question };
  }
}
