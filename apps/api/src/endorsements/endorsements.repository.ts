import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

/** What endorsing did: nothing (no such live answer), or added or kept the endorsement, on an answer of `questionId`. */
export type EndorseOutcome = { questionId: string; added: boolean } | null;

@Injectable()
export class EndorsementsRepository {
  constructor(private readonly db: DataSource) {}

  /** Endorses a live answer; a second endorsement keeps the first. Null when there is no such live answer. */
  async endorse(em: EntityManager, answerId: string, userId: string, at: Date): Promise<EndorseOutcome> {
    const rows: Array<{ question_id: string; added: boolean }> = await em.query(
      `WITH live AS (SELECT id, question_id FROM answers WHERE id = $1 AND deleted_at IS NULL),
            added AS (INSERT INTO answer_endorsements (answer_id, endorsed_by, endorsed_at)
                      SELECT id, $2, $3 FROM live ON CONFLICT (answer_id) DO NOTHING RETURNING answer_id)
       SELECT question_id::text, EXISTS (SELECT 1 FROM added) AS added FROM live`,
      [answerId, userId, at],
    );
    return rows[0] ? { questionId: rows[0].question_id, added: rows[0].added } : null;
  }

  /** Takes the endorsement off; returns who gave it, when, and the answer's question, or null when there was none. */
  async unendorse(em: EntityManager, answerId: string): Promise<{ endorsedBy: string | null; endorsedAt: Date; questionId: string } | null> {
    const rows: Array<{ endorsedBy: string | null; endorsedAt: Date; questionId: string }> = await em.query(
      `WITH gone AS (DELETE FROM answer_endorsements WHERE answer_id = $1 RETURNING answer_id, endorsed_by, endorsed_at)
       SELECT g.endorsed_by::text AS "endorsedBy", g.endorsed_at AS "endorsedAt", a.question_id::text AS "questionId"
         FROM gone g JOIN answers a ON a.id = g.answer_id`,
      [answerId],
    );
    return rows[0] ?? null;
  }

  /** Which of these answers carry a staff endorsement. */
  async endorsed(answerIds: readonly string[]): Promise<Set<string>> {
    const rows: Array<{ answer_id: string }> = await this.db.query(
      'SELECT answer_id FROM answer_endorsements WHERE answer_id = ANY($1::bigint[])', [answerIds]);
    return new Set(rows.map((r) => String(r.answer_id)));
  }
}
