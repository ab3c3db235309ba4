import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

export interface AnnouncementRow {
  message: string;
  updatedAt: Date;
}

@Injectable()
export class AnnouncementRepository {
  constructor(private readonly db: DataSource) {}

  async current(): Promise<AnnouncementRow | null> {
    const rows: AnnouncementRow[] = await this.db.query(`SELECT message, updated_at AS "updatedAt" FROM announcement WHERE id = 1`);
    return rows[0] ?? null;
  }

  async set(message: string, updatedAt: Date, userId: string): Promise<void> {
    await this.db.query(
      `INSERT INTO announcement (id, message, updated_at, updated_by) VALUES (1, $1, $2, $3)
       ON CONFLICT (id) DO UPDATE SET message = EXCLUDED.message, updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by`,
      [message, updatedAt, userId],
    );
  }

  async clear(): Promise<void> {
    await this.db.query(`DELETE FROM announcement WHERE id = 1`);
  }
}
