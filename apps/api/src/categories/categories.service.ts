import { Inject, Injectable } from '@nestjs/common';
import { assertValid, type CategoryPatch, conflict, notFound, validateCategory, validateCategoryPatch } from '@peerdesk/domain';
import { CLOCK, type Clock } from '../common/clock';
import { checkId } from '../common/ids';
import { isUniqueViolation } from '../database/errors';
import { type CategoryActivity, CategoriesRepository } from './categories.repository';
import type { CategoryEntity } from './category.entity';
import type { CreateCategoryInput, UpdateCategoryInput } from './dto/category.input';

@Injectable()
export class CategoriesService {
  constructor(
    private readonly categories: CategoriesRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async create(input: CreateCategoryInput): Promise<CategoryEntity> {
    const values = { ...input, name: input.name.trim(), description: (input.description ?? '').trim() };
    assertValid(validateCategory(values));
    try {
      return await this.categories.insert({ ...values, createdAt: this.clock.now() });
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
      await this.categories.update(id, changes);
    } catch (error) {
      if (isUniqueViolation(error)) throw conflict(`The slug "${changes.slug}" is already used by another category.`);
      throw error;
    }
    return this.findById(id);
  }

  async findById(id: string): Promise<CategoryEntity> {
    const category = await this.categories.findById(checkId(id, 'category'));
    if (!category) throw notFound(`There is no category ${id}.`);
    return category;
  }

  async findBySlug(slug: string): Promise<CategoryEntity> {
    const category = await this.categories.findBySlug(slug);
    if (!category) throw notFound(`There is no category "${slug}".`);
    return category;
  }

  /** Every category, by name, with the activity of its live questions. */
  summaries(): Promise<Array<{ category: CategoryEntity; activity: CategoryActivity }>> {
    return this.categories.allWithActivity();
  }
}
