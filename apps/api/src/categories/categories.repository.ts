import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager, In } from 'typeorm';
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

  /** The id of the category with this slug, created with this name and description when there is none (an import's target). */
  async findOrCreateBySlug(em: EntityManager, slug: string, name: string, description: string): Promise<string> {
    const [existing] = await em.query(`SELECT id::text FROM categories WHERE slug = $1`, [slug]);
    if (existing) return existing.id;
    const [created] = await em.query(
      `INSERT INTO categories (name, slug, description) VALUES ($1, $2, $3)
       ON CONFLICT (slug) DO UPDATE SET slug = EXCLUDED.slug RETURNING id::text`,
      [name, slug, description],
    );
    return created.id;
  }
}
