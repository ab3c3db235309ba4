import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { assertValid, type CategoryPatch, conflict, notFound, validateCategory, validateCategoryPatch, WAITING_STATUSES } from '@peerdesk/domain';
import { CLOCK, type Clock } from '../common/clock';
import { checkId } from '../common/ids';
import { CategoryEntity } from './category.entity';
import { type CategorySummaryModel, toCategoryModel } from './category.model';
import type { CreateCategoryInput, UpdateCategoryInput } from './dto/category.input';
import { isUniqueViolation } from '../database/errors';


@Injectable()
export class CategoriesService {
  constructor(
    private readonly db: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  private get repository() {
    return this.db.getRepository(CategoryEntity);
  }

  async create(input: CreateCategoryInput): Promise<CategoryEntity> {
    const values = { ...input, name: input.name.trim(), description: (input.description ?? '').trim() };
    assertValid(validateCategory(values));
    try {
      const result = await this.repository.insert({ ...values, createdAt: this.clock.now() });
      return this.repository.findOneByOrFail({ id: String(result.identifiers[0].id) });
    } catch (error) {
      if (isUniqueViolation(error)) throw conflict(`The slug "${values.slug}" is already used by another category.`);
      throw error;
    }
  }

  async update({ id, ...patch }: UpdateCategoryInput): Promise<CategoryEntity> {
    const changes: CategoryPatch = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined && v !== null));
    if (typeof changes.name === 'string') changes.name = changes.name.trim();
    // 0 turns the fast lane off (GraphQL has no way to tell "set to null" from "leave as is" here).
    if (changes.fastLanePeerWindowHours === 0) changes.fastLanePeerWindowHours = null;
    assertValid(validateCategoryPatch(changes));
    await this.findById(id);
    try {
      await this.repository.update({ id }, changes as Partial<CategoryEntity>);
    } catch (error) {
      if (isUniqueViolation(error)) throw conflict(`The slug "${changes.slug}" is already used by another category.`);
      throw error;
    }
    return this.findById(id);
  }

  async findById(id: string): Promise<CategoryEntity> {
    const category = await this.repository.findOneBy({ id: checkId(id, 'category') });
    if (!category) throw notFound(`There is no category ${id}.`);
    return category;
  }

  async findBySlug(slug: string): Promise<CategoryEntity> {
    const category = await this.repository.findOneBy({ slug });
    if (!category) throw notFound(`There is no category "${slug}".`);
    return category;
  }

  /** Every category with how many live questions it has, how many are solved and still waiting, and its latest activity. */
  async summaries(): Promise<CategorySummaryModel[]> {
    const [categories, counts] = await Promise.all([
      this.repository.find({ order: { name: 'ASC' } }),
      this.db.query(`
        SELECT category_id::text AS id, count(*)::int AS "questionCount", count(*) FILTER (WHERE status = 'SOLVED')::int AS "solvedCount",
               count(*) FILTER (WHERE answer_count = 0 AND status = ANY($1))::int AS "unansweredCount", max(last_activity_at) AS "lastActivityAt"
          FROM questions WHERE deleted_at IS NULL GROUP BY category_id`, [WAITING_STATUSES]) as Promise<Array<{ id: string; questionCount: number; solvedCount: number; unansweredCount: number; lastActivityAt: Date }>>,
    ]);
    const byCategory = new Map(counts.map((row) => [row.id, row]));
    return categories.map((category) => ({
      ...toCategoryModel(category),
      questionCount: byCategory.get(category.id)?.questionCount ?? 0,
      solvedCount: byCategory.get(category.id)?.solvedCount ?? 0,
      unansweredCount: byCategory.get(category.id)?.unansweredCount ?? 0,
      lastActivityAt: byCategory.get(category.id)?.lastActivityAt ?? null,
    }));
  }
}
