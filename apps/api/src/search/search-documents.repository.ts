import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { SearchDocument } from './search-engine';

/**
 * Questions as a search engine sees them, read from PostgreSQL: the Meilisearch engine pushes these.
 * (The PostgreSQL engine builds the same fields in SQL, in `question_search_vector`.)
 */
const DOCUMENT_COLUMNS = `
  q.id::text AS "questionId", q.title, q.body, q.tags, q.category_id::text AS "categoryId", q.status,
  acc.body AS "acceptedAnswerText", acc.author_kind AS "acceptedAnswerAuthorKind",
  coalesce((SELECT string_agg(a.body, E'\\n\\n' ORDER BY a.id) FROM answers a
             WHERE a.question_id = q.id AND a.deleted_at IS NULL AND a.moderation_state = 'VISIBLE'
               AND a.id IS DISTINCT FROM q.accepted_answer_id), '') AS "otherAnswersText",
  q.duplicate_of IS NOT NULL AS "isDuplicate", q.score, q.answer_count AS "answerCount", q.created_at AS "createdAt", q.last_activity_at AS "lastActivityAt"`;
const FROM = `FROM questions q LEFT JOIN answers acc ON acc.id = q.accepted_answer_id AND acc.deleted_at IS NULL AND acc.moderation_state = 'VISIBLE'`;

/** Reads questions and their answers as search documents; writes nothing. */
@Injectable()
export class SearchDocumentsRepository {
  constructor(private readonly db: DataSource) {}

  /**
   * The live, visible questions among `questionIds`; an id with no document is deleted, held or hidden (or never
   * existed), and the engine removes it from the index (a restored question comes back with its next push).
   */
  load(questionIds: readonly string[]): Promise<SearchDocument[]> {
    return this.db.query(`SELECT ${DOCUMENT_COLUMNS} ${FROM} WHERE q.id = ANY($1::bigint[]) AND q.deleted_at IS NULL AND q.moderation_state = 'VISIBLE'`, [questionIds]);
  }
}
