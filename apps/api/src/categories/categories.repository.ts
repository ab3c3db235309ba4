import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager, In } from 'typeorm';
import type { CategoryPatch } from '@peerdesk/domain';
import { CategoryEntity } from './category.entity';
import { entityColumns, findInOrder } from '../database/plain-rows';

export type NewCategoryRow = Pick<CategoryEntity, 'name' | 'slug' | 'description' | 'peerWindowHours' | 'staffResponseHours' | 'createdAt'> &
  Partial<Pick<CategoryEntity, 'unsolvedWindowHours' | 'fastLanePeerWindowHours' | 'solvedAutoCloseDays' | 'businessCalendar'>>;

/** A category's live questions: how many, how many solved and still waiting, and the latest activity. */
export interface CategoryActivity {
  questionCount: number;
  solvedCount: number;
  unansweredCount: number;
  lastActivityAt: Date | null;
}

/** Which of category_counts' counters: `questions` (all), `solved` or `unanswered` (as categories/sql/category-counts.sql counts them). */
export type KeptCounter = 'questions' | 'solved' | 'unanswered';

/** One category's counters in category_counts (the sums of its rows). */
export type KeptCounts = Record<KeptCounter, number>;

/** The one owner of the `categories` and `category_staff` tables: every read and write of them goes through these methods. */
@Injectable()
export class CategoriesRepository {
  constructor(private readonly db: DataSource) {}

  /** The categories with these ids, in the order asked, null where there is none (for per-request batching). */
  findByIds(ids: readonly string[]): Promise<Array<CategoryEntity | null>> {
    return findInOrder(this.db, CategoryEntity, ids);
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

  findById(id: string): Promise<CategoryEntity | null> {
    return this.db.getRepository(CategoryEntity).findOneBy({ id });
  }

  /** The category with this slug and its kept counts, in one statement: its page counts its lists with them. */
  async findBySlug(slug: string): Promise<{ category: CategoryEntity; keptCounts: KeptCounts } | null> {
    const [row]: Array<CategoryEntity & { keptQuestions: number; keptSolved: number; keptUnanswered: number }> = await this.db.query(
      `SELECT ${entityColumns(this.db, CategoryEntity, 'c')},
              n.questions AS "keptQuestions", n.solved AS "keptSolved", n.unanswered AS "keptUnanswered"
         FROM categories c
        CROSS JOIN LATERAL (SELECT coalesce(sum(questions), 0)::int AS questions, coalesce(sum(solved), 0)::int AS solved,
                                   coalesce(sum(unanswered), 0)::int AS unanswered
                              FROM category_counts WHERE category_id = c.id) n
        WHERE c.slug = $1`,
      [slug],
    );
    if (!row) return null;
    const { keptQuestions, keptSolved, keptUnanswered, ...category } = row;
    return { category, keptCounts: { questions: keptQuestions, solved: keptSolved, unanswered: keptUnanswered } };
  }

  /** A category that must exist (a question's: a foreign key), read in the caller's transaction. */
  findOrFail(em: EntityManager, id: string): Promise<CategoryEntity> {
    return em.findOneByOrFail(CategoryEntity, { id });
  }

  /** These categories by id, read in the caller's transaction. */
  async findManyById(em: EntityManager, ids: readonly string[]): Promise<Map<string, CategoryEntity>> {
    return new Map((await em.findBy(CategoryEntity, { id: In([...ids]) })).map((category) => [category.id, category]));
  }

  /** Inserts a category and reads it back, in the caller's transaction; a slug already taken fails with the unique violation. */
  async insert(em: EntityManager, category: NewCategoryRow): Promise<CategoryEntity> {
    const result = await em.insert(CategoryEntity, category);
    return em.findOneByOrFail(CategoryEntity, { id: String(result.identifiers[0].id) });
  }

  /** The category, locked for an update in the caller's transaction; null when there is none. */
  lock(em: EntityManager, id: string): Promise<CategoryEntity | null> {
    return em.findOne(CategoryEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  /** Changes a category and reads it back; a slug already taken fails with the unique violation. */
  async update(em: EntityManager, id: string, changes: CategoryPatch): Promise<CategoryEntity> {
    await em.update(CategoryEntity, { id }, changes as Partial<CategoryEntity>);
    return em.findOneByOrFail(CategoryEntity, { id });
  }

  /**
   * Every category by name, with the activity of its live questions (held and hidden ones are not counted): the
   * counts from category_counts (kept by triggers on questions, categories/sql/category-counts.sql), the latest
   * activity from the first entry of the category's activity index, so neither reads the category's questions.
   */
  async allWithActivity(): Promise<Array<{ category: CategoryEntity; activity: CategoryActivity }>> {
    const [categories, counts] = await Promise.all([
      this.db.getRepository(CategoryEntity).find({ order: { name: 'ASC' } }),
      this.db.query(`
        SELECT c.id::text AS id, coalesce(n.questions, 0)::int AS "questionCount", coalesce(n.solved, 0)::int AS "solvedCount",
               coalesce(n.unanswered, 0)::int AS "unansweredCount",
               (SELECT q.last_activity_at FROM questions q
                 WHERE q.category_id = c.id AND q.deleted_at IS NULL AND q.moderation_state = 'VISIBLE'
                 ORDER BY q.last_activity_at DESC, q.id DESC LIMIT 1) AS "lastActivityAt"
          FROM categories c
          LEFT JOIN (SELECT category_id, sum(questions) AS questions, sum(solved) AS solved, sum(unanswered) AS unanswered
                       FROM category_counts GROUP BY category_id) n ON n.category_id = c.id`) as Promise<Array<CategoryActivity & { id: string }>>,
    ]);
    const byCategory = new Map(counts.map(({ id, ...activity }) => [id, activity]));
    const none: CategoryActivity = { questionCount: 0, solvedCount: 0, unansweredCount: 0, lastActivityAt: null };
    return categories.map((category) => ({ category, activity: byCategory.get(category.id) ?? none }));
  }

  /**
   * How many live, visible questions category_counts keeps for one category (or all, `categoryId` null): all of them,
   * the solved ones or the ones waiting for a first answer. A list of such questions counts with this instead of
   * reading its questions.
   */
  async keptQuestionCount(categoryId: string | null, kept: KeptCounter): Promise<number> {
    const [{ n }]: Array<{ n: number }> = await this.db.query(
      `SELECT coalesce(sum(${kept}), 0)::int AS n FROM category_counts WHERE $1::bigint IS NULL OR category_id = $1`, [categoryId]);
    return n;
  }

  /** Per category, in the order asked: the ids of its staff team, in id order ([] for none). */
  async staffTeams(categoryIds: readonly string[]): Promise<string[][]> {
    const rows: Array<{ category_id: string; user_ids: string[] }> = await this.db.query(
      `SELECT category_id::text, array_agg(user_id::text ORDER BY user_id) AS user_ids
         FROM category_staff WHERE category_id = ANY($1::bigint[]) GROUP BY category_id`,
      [categoryIds],
    );
    const byCategory = new Map(rows.map((row) => [row.category_id, row.user_ids]));
    return categoryIds.map((id) => byCategory.get(id) ?? []);
  }

  /** The ids of the category's staff team in the caller's transaction, in id order. */
  async staffTeam(em: EntityManager, categoryId: string): Promise<string[]> {
    const rows: Array<{ user_id: string }> = await em.query(
      `SELECT user_id::text FROM category_staff WHERE category_id = $1 ORDER BY user_id`, [categoryId]);
    return rows.map((row) => row.user_id);
  }

  /** Makes the category's staff team exactly these users; the caller holds the category's lock. */
  async setStaffTeam(em: EntityManager, categoryId: string, userIds: readonly string[]): Promise<void> {
    await em.query(`DELETE FROM category_staff WHERE category_id = $1 AND NOT (user_id = ANY($2::bigint[]))`, [categoryId, userIds]);
    await em.query(
      `INSERT INTO category_staff (category_id, user_id) SELECT $1, unnest($2::bigint[]) ON CONFLICT DO NOTHING`, [categoryId, userIds]);
  }
}
