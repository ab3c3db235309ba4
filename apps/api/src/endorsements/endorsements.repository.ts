import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

@Injectable()
export class EndorsementsRepository {
  constructor(private readonly db: DataSource) {}

  /** Endorses a live answer; a second endorsement keeps the first. False when there is no such live answer. */
  async endorse(answerId: string, userId: string, at: Date): Promise<boolean> {
    const rows: unknown[] = await this.db.query(
      `WITH live AS (SELECT id FROM answers WHERE id = $1 AND deleted_at IS NULL),
            added AS (INSERT INTO answer_endorsements (answer_id, endorsed_by, endorsed_at)
                      SELECT id, $2, $3 FROM live ON CONFLICT (answer_id) DO NOTHING)
       SELECT 1 FROM live`,
      [answerId, userId, at],
    );
    return rows.length > 0;
  }

  async unendorse(answerId: string): Promise<void> {
    await this.db.query('DELETE FROM answer_endorsements WHERE answer_id = $1', [answerId]);
  }

  /** Which of these answers carry a staff endorsement. */
  async endorsed(answerIds: readonly string[]): Promise<Set<string>> {
    const rows: Array<{ answer_id: string }> = await this.db.query(
      'SELECT answer_id FROM answer_endorsements WHERE answer_id = ANY($1::bigint[])', [answerIds]);
    return new Set(rows.map((r) => String(r.answer_id)));
  }
}
