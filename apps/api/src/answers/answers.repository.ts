import { Injectable } from '@nestjs/common';
import { Brackets, DataSource, EntityManager, IsNull } from 'typeorm';
import type { RecentPost, AuthorKind, ModerationState, PostHold } from '@peerdesk/domain';
import type { Keyset } from '../common/pagination';
import { QuestionEntity } from '../questions/question.entity';
import { QuestionsRepository } from '../questions/questions.repository';
import { AnswerAcceptanceEntity, AnswerEntity } from './answer.entity';
import { entityColumns, findInOrder, inIdOrder, manyPlain } from '../database/plain-rows';
import { POST_TEXT, type PostText } from '../common/post-text';
import { prepared } from '../database/prepared-statements';

/** An answer with its question's accepted answer, so a list can mark which ones solved their question. */
export interface AnswerWithAcceptance {
  answer: AnswerEntity;
  acceptedAnswerId: string | null;
}

/** A question as its answers list needs it: which answer is accepted goes first. */
export interface QuestionOfAnswers {
  id: string;
  acceptedAnswerId: string | null;
}

/** An answer less its text (POST_TEXT), as a question list's accepted answers read it; Answer.body and bodyHtml load that when asked (AnswerTextLoader). */
export type AnswerRow = Omit<AnswerEntity, (typeof POST_TEXT)[number]>;

/** What the author writes, and who they were when they wrote it; the rest of a new answer's row starts empty. */
export type NewAnswer = Pick<AnswerEntity, 'questionId' | 'authorId' | 'authorKind' | 'body' | 'bodyHtml'>;

/**
 * Owner of answers and answer_acceptances. The methods that lock keep the one lock order
 * (database/transactions.ts): the answer's question first (QuestionsRepository), then the answer, read
 * again under that lock, so whoever changed it meanwhile (a second click on "delete", an acceptance) has
 * then either committed or not begun, and no two writers of a thread ever wait for each other in a cycle.
 */
@Injectable()
export class AnswersRepository {
  constructor(
    private readonly db: DataSource,
    private readonly questions: QuestionsRepository,
  ) {}

  /** The bodies of an author's answers since a time (held, hidden and deleted ones too), for the spam checks' repeat check; `exceptId`: the post being edited. */
  async recentBodiesBy(em: EntityManager, authorId: string, since: Date, exceptId: string | null): Promise<RecentPost[]> {
    const rows: Array<{ body: string; created_at: Date }> = await em.query(
      `SELECT body, created_at FROM answers WHERE author_id = $1 AND created_at >= $2 AND id IS DISTINCT FROM $3 ORDER BY created_at DESC LIMIT 50`,
      [authorId, since, exceptId],
    );
    return rows.map((row) => ({ body: row.body, createdAt: row.created_at }));
  }

  /**
   * The live answers of each of these questions, in the order asked: per question the accepted one first,
   * then by score, then oldest (one statement for a page of questions). Held and hidden ones too: the
   * resolver shows them to their author and the moderators only.
   */
  async liveOfQuestions(questions: readonly QuestionOfAnswers[]): Promise<AnswerEntity[][]> {
    const rows = await manyPlain(this.db, AnswerEntity, this.db
      .getRepository(AnswerEntity)
      .createQueryBuilder('a')
      .where('a.question_id = ANY(:questionIds) AND a.deleted_at IS NULL', { questionIds: questions.map((q) => q.id) })
      .orderBy('a.score', 'DESC')
      .addOrderBy('a.created_at', 'ASC')
      .addOrderBy('a.id', 'ASC'));
    return questions.map(({ id, acceptedAnswerId }) => {
      const answers = rows.filter((a) => a.questionId === id);
      return [...answers.filter((a) => a.id === acceptedAnswerId), ...answers.filter((a) => a.id !== acceptedAnswerId)];
    });
  }

  /**
   * One page of a member's live answers on live questions, newest first (served by answers_author),
   * plus one row to tell whether another page follows, and the total. `acceptedOnly` keeps the answers
   * that are their question's accepted answer now.
   */
  async byAuthor(authorId: string, acceptedOnly: boolean, first: number, after: Keyset | null): Promise<{ rows: AnswerWithAcceptance[]; total: number }> {
    const filtered = this.db
      .getRepository(AnswerEntity)
      .createQueryBuilder('a')
      .innerJoin(QuestionEntity, 'q', `q.id = a.question_id AND q.deleted_at IS NULL AND q.moderation_state = 'VISIBLE'`)
      .where(`a.author_id = :authorId AND a.deleted_at IS NULL AND a.moderation_state = 'VISIBLE'`, { authorId });
    if (acceptedOnly) filtered.andWhere('q.accepted_answer_id = a.id');
    const page = filtered.clone().addSelect('q.accepted_answer_id', 'accepted_answer_id').orderBy('a.created_at', 'DESC').addOrderBy('a.id', 'DESC').limit(first + 1);
    if (after) {
      page.andWhere(
        new Brackets((w) =>
          w.where('a.created_at < CAST(:afterKey AS timestamptz)').orWhere('a.created_at = CAST(:afterKey AS timestamptz) AND a.id < :afterId'),
        ),
        { afterKey: after.key, afterId: after.id },
      );
    }
    const [{ entities, raw }, total] = await Promise.all([page.getRawAndEntities<{ accepted_answer_id: string | null }>(), filtered.getCount()]);
    return { rows: entities.map((answer, i) => ({ answer, acceptedAnswerId: raw[i].accepted_answer_id })), total };
  }

  /** A live answer with its question's accepted answer; null when there is no such live answer. */
  async findLiveWithAcceptance(id: string): Promise<AnswerWithAcceptance | null> {
    const { entities, raw } = await this.db
      .getRepository(AnswerEntity)
      .createQueryBuilder('a')
      .innerJoin(QuestionEntity, 'q', 'q.id = a.question_id')
      .addSelect('q.accepted_answer_id', 'accepted_answer_id')
      .where('a.id = :id AND a.deleted_at IS NULL', { id })
      .getRawAndEntities<{ accepted_answer_id: string | null }>();
    return entities.length ? { answer: entities[0], acceptedAnswerId: raw[0].accepted_answer_id } : null;
  }

  findLive(em: EntityManager, id: string): Promise<AnswerEntity | null> {
    return em.findOneBy(AnswerEntity, { id, deletedAt: IsNull() });
  }

  /** Live or deleted. */
  findById(em: EntityManager, id: string): Promise<AnswerEntity | null> {
    return em.findOneBy(AnswerEntity, { id });
  }

  /**
   * The live answer with its live question locked (`question` null when the question is deleted, then
   * nothing is locked); null when there is no such live answer, before or under the lock.
   */
  async lockLiveWithQuestion(em: EntityManager, id: string): Promise<{ answer: AnswerEntity; question: QuestionEntity | null } | null> {
    const found = await this.findLive(em, id);
    if (!found) return null;
    const question = await this.questions.lockLive(em, found.questionId);
    if (!question) return { answer: found, question: null };
    const answer = await this.findLive(em, id);
    return answer && { answer, question };
  }

  /**
   * The live answer, locked for a change to its score: its question first, whatever that question's state
   * (a vote on an answer in a deleted thread still takes it), then the answer row. Null when there is no
   * such live answer, before or under the lock.
   */
  async lockLiveForScore(em: EntityManager, id: string): Promise<AnswerEntity | null> {
    const found = await this.findLive(em, id);
    if (!found) return null;
    await this.questions.lock(em, found.questionId);
    return em.findOne(AnswerEntity, { where: { id, deletedAt: IsNull() }, lock: { mode: 'pessimistic_write' } });
  }

  /** The new answer's row as written, returned by the insert itself (no second read). */
  async insert(em: EntityManager, answer: NewAnswer, at: Date, hold: PostHold | null = null): Promise<AnswerEntity> {
    const [row]: AnswerEntity[] = await em.query(
      prepared(`INSERT INTO answers AS e (question_id, author_id, author_kind, body, body_html, created_at, updated_at, moderation_state, moderation_reason, published)
       VALUES ($1, $2, $3, $4, $5, $6, $6, $7, $8, $9)
       RETURNING ${entityColumns(em.connection, AnswerEntity, 'e')}`),
      [answer.questionId, answer.authorId, answer.authorKind, answer.body, answer.bodyHtml, at,
        hold ? 'HELD' : 'VISIBLE', hold?.reason ?? null, !hold],
    );
    return row;
  }

  /** Sets the answer's text and returns it as it is now. */
  async edit(em: EntityManager, id: string, body: string, bodyHtml: string, at: Date): Promise<AnswerEntity> {
    await em.update(AnswerEntity, { id }, { body, bodyHtml, updatedAt: at });
    return em.findOneByOrFail(AnswerEntity, { id });
  }

  /** Soft delete: the row stays, with who removed it. */
  async markDeleted(em: EntityManager, id: string, by: string, at: Date): Promise<void> {
    await em.update(AnswerEntity, { id }, { deletedAt: at, deletedBy: by });
  }

  async setScore(em: EntityManager, id: string, score: number): Promise<void> {
    await em.update(AnswerEntity, { id }, { score });
  }

  /** Sets the answer's moderation state and the reason its author reads; `published` once it has been shown. */
  async setModeration(em: EntityManager, id: string, state: ModerationState, reason: string | null, published: boolean): Promise<void> {
    await em.update(AnswerEntity, { id }, { moderationState: state, moderationReason: reason, published });
  }

  async recordAcceptance(em: EntityManager, acceptance: Pick<AnswerAcceptanceEntity, 'questionId' | 'answerId' | 'acceptedBy' | 'acceptedAt'>): Promise<void> {
    await em.insert(AnswerAcceptanceEntity, acceptance);
  }

  /** Closes the question's current acceptance, if any; history is never deleted. */
  async withdrawAcceptance(em: EntityManager, questionId: string, by: string, at: Date): Promise<void> {
    await em.update(AnswerAcceptanceEntity, { questionId, withdrawnAt: IsNull() }, { withdrawnBy: by, withdrawnAt: at });
  }

  /**
   * Moves a question's live answers to another question (a duplicate's answers merged into its original),
   * keeping their authors, dates, scores and votes; returns the ids moved, oldest first. The caller holds
   * both questions' row locks.
   */
  async moveLive(em: EntityManager, fromQuestionId: string, toQuestionId: string): Promise<string[]> {
    const [rows]: [Array<{ id: string }>, number] = await em.query(
      `UPDATE answers SET question_id = $2 WHERE question_id = $1 AND deleted_at IS NULL RETURNING id::text`, [fromQuestionId, toQuestionId]);
    return rows.map((r) => r.id).sort((a, b) => (BigInt(a) < BigInt(b) ? -1 : 1));
  }

  /** Answers brought in by an import, in one statement; their ids in the order of `rows` (inserted, and numbered, in that order). */
  async insertImported(
    em: EntityManager,
    rows: ReadonlyArray<{ questionId: string; authorId: string; authorKind: AuthorKind; body: string; bodyHtml: string; score: number; createdAt: Date; updatedAt: Date }>,
  ): Promise<string[]> {
    if (rows.length === 0) return [];
    const inserted: Array<{ id: string }> = await em.query(
      `INSERT INTO answers (question_id, author_id, author_kind, body, body_html, score, created_at, updated_at)
       SELECT r.question_id, r.author_id, r.author_kind, r.body, r.body_html, r.score, r.created_at, r.updated_at
         FROM json_to_recordset($1::json) AS r(ord int, question_id bigint, author_id bigint, author_kind text, body text, body_html text,
              score int, created_at timestamptz, updated_at timestamptz)
        ORDER BY r.ord
       RETURNING id::text`,
      [JSON.stringify(rows.map((r, ord) => ({
        ord, question_id: r.questionId, author_id: r.authorId, author_kind: r.authorKind, body: r.body, body_html: r.bodyHtml,
        score: r.score, created_at: r.createdAt, updated_at: r.updatedAt,
      })))],
    );
    return inserted.map((r) => r.id).sort((a, b) => (BigInt(a) < BigInt(b) ? -1 : 1));
  }

  /** Imported acceptances, each by its question's author (the only one who can accept). */
  async insertImportedAcceptances(em: EntityManager, rows: ReadonlyArray<{ questionId: string; answerId: string; acceptedAt: Date }>): Promise<void> {
    if (rows.length === 0) return;
    await em.query(
      `INSERT INTO answer_acceptances (question_id, answer_id, accepted_by, accepted_at)
       SELECT r.question_id, r.answer_id, q.author_id, r.accepted_at
         FROM unnest($1::bigint[], $2::bigint[], $3::timestamptz[]) AS r(question_id, answer_id, accepted_at)
         JOIN questions q ON q.id = r.question_id`,
      [rows.map((r) => r.questionId), rows.map((r) => r.answerId), rows.map((r) => r.acceptedAt)],
    );
  }

  /**
   * Moves imported answers' current acceptance to the day the dump gives (never earlier than the answer
   * itself, so every run writes the same value); returns the acceptances moved. `on` null keeps the answer's time.
   */
  async redateImportedAcceptances(
    em: EntityManager,
    rows: ReadonlyArray<{ answerId: string; on: Date | null }>,
  ): Promise<Array<{ questionId: string; answerId: string; acceptedAt: Date }>> {
    if (rows.length === 0) return [];
    // An UPDATE's result comes as [rows, row count].
    const [moved]: [Array<{ question_id: string; answer_id: string; accepted_at: Date }>, number] = await em.query(
      `UPDATE answer_acceptances aa SET accepted_at = GREATEST(r.accepted_on, a.created_at)
         FROM unnest($1::bigint[], $2::timestamptz[]) AS r(answer_id, accepted_on)
         JOIN answers a ON a.id = r.answer_id
        WHERE aa.answer_id = r.answer_id AND aa.withdrawn_at IS NULL
       RETURNING aa.question_id::text, aa.answer_id::text, aa.accepted_at`,
      [rows.map((r) => r.answerId), rows.map((r) => r.on)],
    );
    return moved.map((m) => ({ questionId: m.question_id, answerId: m.answer_id, acceptedAt: m.accepted_at }));
  }

  /** The question of each of these answers, deleted or not. */
  async findQuestionIds(em: EntityManager, answerIds: readonly string[]): Promise<Map<string, string>> {
    if (answerIds.length === 0) return new Map();
    const rows: Array<{ id: string; question_id: string }> = await em.query(
      `SELECT id::text, question_id::text FROM answers WHERE id = ANY($1::bigint[])`,
      [answerIds],
    );
    return new Map(rows.map((r) => [r.id, r.question_id]));
  }

  /** The answers with these ids, less their text, deleted ones included, in the order asked, null where there is none (for per-request batching). */
  rowsByIds(ids: readonly string[]): Promise<Array<AnswerRow | null>> {
    return findInOrder(this.db, AnswerEntity, ids, POST_TEXT);
  }

  /** The text of the answers with these ids, in the order asked, null where there is none (for per-request batching). */
  async textsByIds(ids: readonly string[]): Promise<Array<PostText | null>> {
    return inIdOrder(ids, await this.db.query(`SELECT id::text AS id, body, body_html AS "bodyHtml" FROM answers WHERE id = ANY($1::bigint[])`, [ids]));
  }
}
