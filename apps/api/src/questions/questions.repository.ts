import { Injectable } from '@nestjs/common';
import { Brackets, DataSource, EntityManager, IsNull, SelectQueryBuilder } from 'typeorm';
import { validationFailed, WAITING_STATUSES } from '@peerdesk/domain';
import type { QuestionOrder } from '../common/enums';
import type { Keyset } from '../common/pagination';
import type { QuestionFilter } from './dto/question.input';
import { QuestionEntity } from './question.entity';

/** A key exactly as keyOf writes it (PostgreSQL has no year 0); anything else in a cursor was not handed out by the API. */
const ISO_MILLIS = /^(?!0000)\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const isTimestampKey = (key: string | number) => typeof key === 'string' && ISO_MILLIS.test(key) && new Date(key).toISOString() === key;
const isScoreKey = (key: string | number) => typeof key === 'number' && Number.isInteger(key) && Math.abs(key) <= 2 ** 31 - 1;

/** Each ordering is a keyset over (column, id) descending, served by its own index. */
const ORDER_COLUMNS: Record<QuestionOrder, { column: string; keyOf: (q: QuestionEntity) => string | number; fits: (key: string | number) => boolean }> = {
  NEWEST: { column: 'q.created_at', keyOf: (q) => q.createdAt.toISOString(), fits: isTimestampKey },
  ACTIVITY: { column: 'q.last_activity_at', keyOf: (q) => q.lastActivityAt.toISOString(), fits: isTimestampKey },
  SCORE: { column: 'q.score', keyOf: (q) => q.score, fits: isScoreKey },
};

@Injectable()
export class QuestionsRepository {
  constructor(private readonly db: DataSource) {}

  /** Locks the question row for the rest of the transaction: answers, votes and acceptance serialize on it. */
  lockLive(em: EntityManager, id: string): Promise<QuestionEntity | null> {
    return em.findOne(QuestionEntity, { where: { id, deletedAt: IsNull() }, lock: { mode: 'pessimistic_write' } });
  }

  /** Locks the question row whatever its state (a vote on an answer in a deleted thread still takes it first). */
  async lock(em: EntityManager, id: string): Promise<void> {
    await em.query('SELECT 1 FROM questions WHERE id = $1 FOR UPDATE', [id]);
  }

  findLive(id: string): Promise<QuestionEntity | null> {
    return this.db.getRepository(QuestionEntity).findOneBy({ id, deletedAt: IsNull() });
  }

  /**
   * Counts a view and records who viewed (the self-service signal of the deflection report) in one
   * statement, then reads the question; null when there is no such live question.
   */
  async viewLive(id: string, viewerId: string | null, at: Date): Promise<QuestionEntity | null> {
    const counted: unknown[] = await this.db.query(
      `WITH counted AS (
         UPDATE questions SET view_count = view_count + 1 WHERE id = $1 AND deleted_at IS NULL RETURNING id, author_id)
       INSERT INTO question_views (question_id, viewed_at, viewer_id, by_asker)
       SELECT id, $2, $3, coalesce(author_id = $3::bigint, false) FROM counted
       RETURNING question_id`,
      [id, at, viewerId],
    );
    return counted.length ? this.findLive(id) : null;
  }

  keyOf(order: QuestionOrder, question: QuestionEntity): Keyset {
    return { key: ORDER_COLUMNS[order].keyOf(question), id: question.id };
  }

  /** One page (plus one row to tell whether another page follows) and the filter's total. */
  async list(filter: QuestionFilter, order: QuestionOrder, first: number, after: Keyset | null): Promise<{ rows: QuestionEntity[]; total: number }> {
    const filtered = this.filtered(filter);
    const { column, fits } = ORDER_COLUMNS[order];
    const page = filtered.clone().orderBy(column, 'DESC').addOrderBy('q.id', 'DESC').limit(first + 1);
    if (after) {
      if (!fits(after.key)) {
        throw validationFailed([{ field: 'after', message: 'This cursor belongs to another ordering; start again from the first page.' }]);
      }
      const keyCast = order === 'SCORE' ? 'integer' : 'timestamptz';
      page.andWhere(
        new Brackets((w) =>
          w.where(`${column} < CAST(:afterKey AS ${keyCast})`).orWhere(`${column} = CAST(:afterKey AS ${keyCast}) AND q.id < :afterId`),
        ),
        { afterKey: after.key, afterId: after.id },
      );
    }
    const [rows, total] = await Promise.all([page.getMany(), filtered.getCount()]);
    return { rows, total };
  }

  private filtered(filter: QuestionFilter): SelectQueryBuilder<QuestionEntity> {
    const query = this.db.getRepository(QuestionEntity).createQueryBuilder('q').where('q.deleted_at IS NULL');
    if (filter.categoryId) query.andWhere('q.category_id = :categoryId', { categoryId: filter.categoryId });
    if (filter.status) query.andWhere('q.status = :status', { status: filter.status });
    if (filter.tag) query.andWhere('q.tags @> ARRAY[:tag]::text[]', { tag: filter.tag.trim().toLowerCase() });
    if (filter.unanswered) query.andWhere('q.answer_count = 0 AND q.status IN (:...waiting)', { waiting: WAITING_STATUSES });
    if (filter.authorId) query.andWhere('q.author_id = :authorId', { authorId: filter.authorId });
    return query;
  }

  /**
   * Recomputes the questions' search and title vectors in the writing transaction, with the rules in
   * search/sql/question-vectors.sql, for the text search configuration `language`; a deleted question's are cleared.
   */
  async writeSearchVectors(em: EntityManager, ids: readonly string[], language: string): Promise<void> {
    await em.query(
      `UPDATE questions q
          SET search_vector = CASE WHEN q.deleted_at IS NULL THEN question_search_vector(q, $2::regconfig) END,
              title_vector = CASE WHEN q.deleted_at IS NULL THEN question_title_vector(q, $2::regconfig) END
        WHERE q.id = ANY($1::bigint[])`,
      [ids, language],
    );
  }
}
