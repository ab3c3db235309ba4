import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

export interface AnnouncementRow {
  message: string;
  updatedAt: Date;
}

/** Owner of `announcement` (the site-wide one, one row) and `category_announcements` (one per category at most). */
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

  async currentInCategory(categoryId: string, em: EntityManager = this.db.manager): Promise<AnnouncementRow | null> {
    const rows: AnnouncementRow[] = await em.query(
      `SELECT message, updated_at AS "updatedAt" FROM category_announcements WHERE category_id = $1`, [categoryId],
    );
    return rows[0] ?? null;
  }

  async lockInCategory(em: EntityManager, categoryId: string): Promise<AnnouncementRow | null> {
    const rows: AnnouncementRow[] = await em.query(
      `SELECT message, updated_at AS "updatedAt" FROM category_announcements WHERE category_id = $1 FOR UPDATE`, [categoryId],
    );
    return rows[0] ?? null;
  }

  async setInCategory(em: EntityManager, categoryId: string, message: string, updatedAt: Date, userId: string): Promise<void> {
    await em.query(
      `INSERT INTO category_announcements (category_id, message, updated_at, updated_by) VALUES ($1, $2, $3, $4)
       ON CONFLICT (category_id) DO UPDATE SET message = EXCLUDED.message, updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by`,
      [categoryId, message, updatedAt, userId],
    );
  }

  async clearInCategory(em: EntityManager, categoryId: string): Promise<void> {
    await em.query(`DELETE FROM category_announcements WHERE category_id = $1`, [categoryId]);
  }
}
