import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

export interface AnnouncementRow {
  message: string;
  updatedAt: Date;
}

@Injectable()
export class AnnouncementRepository {
  constructor(private readonly db: DataSource) {}

  async current(em: EntityManager = this.db.manager): Promise<AnnouncementRow | null> {
    const rows: AnnouncementRow[] = await em.query(`SELECT message, updated_at AS "updatedAt" FROM announcement WHERE id = 1`);
    return rows[0] ?? null;
  }

  /** The announcement as it is, its row locked for a change in the caller's transaction; null when there is none. */
  async lockCurrent(em: EntityManager): Promise<AnnouncementRow | null> {
    const rows: AnnouncementRow[] = await em.query(`SELECT message, updated_at AS "updatedAt" FROM announcement WHERE id = 1 FOR UPDATE`);
    return rows[0] ?? null;
  }

  async set(em: EntityManager, message: string, updatedAt: Date, userId: string): Promise<void> {
    await em.query(
      `INSERT INTO announcement (id, message, updated_at, updated_by) VALUES (1, $1, $2, $3)
       ON CONFLICT (id) DO UPDATE SET message = EXCLUDED.message, updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by`,
      [message, updatedAt, userId],
    );
  }

  async clear(em: EntityManager): Promise<void> {
    await em.query(`DELETE FROM announcement WHERE id = 1`);
  }
}
