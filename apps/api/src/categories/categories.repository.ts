import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { CategoryEntity } from './category.entity';

/** The one owner of the `categories` table: every read and write of it goes through these methods. */
@Injectable()
export class CategoriesRepository {
  constructor(private readonly db: DataSource) {}

  /** The categories with these ids, in the order asked, null where there is none (for per-request batching). */
  async findByIds(ids: readonly string[]): Promise<Array<CategoryEntity | null>> {
    const rows = await this.db.getRepository(CategoryEntity).findBy({ id: In([...ids]) });
    const found = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => found.get(id) ?? null);
  }
}
