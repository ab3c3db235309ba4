import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager, In } from 'typeorm';
import { QuestionEntity } from '../questions/question.entity';

export interface LockedQuestion {
  question: QuestionEntity;
  duplicateOf: string | null;
}

@Injectable()
export class DuplicatesRepository {
  constructor(private readonly db: DataSource) {}

  /** The live question and its duplicate link, locked for the rest of the transaction; null when there is none. */
  async lockLive(em: EntityManager, id: string, mode: 'update' | 'share'): Promise<LockedQuestion | null> {
    const rows: Array<{ duplicate_of: string | null }> = await em.query(
      `SELECT duplicate_of::text FROM questions WHERE id = $1 AND deleted_at IS NULL FOR ${mode === 'update' ? 'UPDATE' : 'SHARE'}`, [id]);
    if (rows.length === 0) return null;
    const question = await em.findOneByOrFail(QuestionEntity, { id });
    return { question, duplicateOf: rows[0].duplicate_of };
  }

  /** Any question, deleted or not: to tell "removed" apart from "never existed". */
  async exists(em: EntityManager, id: string): Promise<boolean> {
    return (await em.query(`SELECT 1 FROM questions WHERE id = $1`, [id])).length > 0;
  }

  async setDuplicateOf(em: EntityManager, id: string, originalId: string | null): Promise<void> {
    await em.query(`UPDATE questions SET duplicate_of = $2 WHERE id = $1`, [id, originalId]);
  }

  /** Duplicates of `from` now point at `to`, so links stay one hop; returns the ids moved. */
  async repoint(em: EntityManager, from: string, to: string): Promise<string[]> {
    // An UPDATE … RETURNING comes back from the driver as [rows, affected].
    const [rows]: [Array<{ id: string }>, number] = await em.query(
      `UPDATE questions SET duplicate_of = $2 WHERE duplicate_of = $1 RETURNING id::text`, [from, to]);
    return rows.map((row) => row.id);
  }

  /** For each question id, its live original (if it is a marked duplicate). */
  async originals(ids: readonly string[]): Promise<Map<string, QuestionEntity>> {
    const links: Array<{ id: string; duplicate_of: string }> = await this.db.query(
      `SELECT id::text, duplicate_of::text FROM questions WHERE id = ANY($1::bigint[]) AND duplicate_of IS NOT NULL`, [ids]);
    if (links.length === 0) return new Map();
    const originals = await this.db.getRepository(QuestionEntity).findBy({ id: In(links.map((l) => l.duplicate_of)) });
    const byId = new Map(originals.filter((q) => q.deletedAt === null).map((q) => [q.id, q]));
    return new Map(links.flatMap((l) => (byId.has(l.duplicate_of) ? [[l.id, byId.get(l.duplicate_of)!] as const] : [])));
  }
}
