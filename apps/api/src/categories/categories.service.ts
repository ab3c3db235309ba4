import { Inject, Injectable } from '@nestjs/common';
import { assertValid, type CategoryPatch, conflict, notFound, validateCategory, validateCategoryPatch } from '@peerdesk/domain';
import { AuditService } from '../audit/audit.service';
import { CLOCK, type Clock } from '../common/clock';
import { checkId } from '../common/ids';
import { isUniqueViolation } from '../database/errors';
import { Transactions } from '../database/transactions';
import { type CategoryActivity, CategoriesRepository } from './categories.repository';
import type { CategoryEntity } from './category.entity';
import type { CreateCategoryInput, UpdateCategoryInput } from './dto/category.input';

/** A category's settings as the audit log keeps them. */
function settingsOf(category: CategoryEntity): Record<string, unknown> {
  const { id: _id, createdAt: _createdAt, ...settings } = category;
  return settings;
}

@Injectable()
export class CategoriesService {
  constructor(
    private readonly categories: CategoriesRepository,
    private readonly transactions: Transactions,
    private readonly audit: AuditService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** `actorId` null: the system made it (the demo seed); recorded in the audit log either way. */
  async create(actorId: string | null, input: CreateCategoryInput): Promise<CategoryEntity> {
    const values = { ...input, name: input.name.trim(), description: (input.description ?? '').trim() };
    assertValid(validateCategory(values));
    const now = this.clock.now();
    try {
      return await this.transactions.run(async (em) => {
        const category = await this.categories.insert(em, { ...values, createdAt: now });
        await this.audit.record(em, {
          actorId, action: 'CATEGORY_CREATED', targetType: 'CATEGORY', targetId: category.id, before: null, after: settingsOf(category), at: now,
        });
        return category;
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw conflict(`The slug "${values.slug}" is already used by another category.`);
      throw error;
    }
  }

  /** Recorded in the audit log with the settings that changed, as they were and as they became. */
  async update(actorId: string, { id, ...patch }: UpdateCategoryInput): Promise<CategoryEntity> {
    const changes: CategoryPatch = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined && v !== null));
    if (typeof changes.name === 'string') changes.name = changes.name.trim();
    // 0 turns the fast lane off (GraphQL has no way to tell "set to null" from "leave as is" here).
    if (changes.fastLanePeerWindowHours === 0) changes.fastLanePeerWindowHours = null;
    assertValid(validateCategoryPatch(changes));
    checkId(id, 'category');
    try {
      return await this.transactions.run(async (em) => {
        const current = await this.categories.lock(em, id);
        if (!current) throw notFound(`There is no category ${id}.`);
        const updated = Object.keys(changes).length ? await this.categories.update(em, id, changes) : current;
        const [was, is] = [settingsOf(current), settingsOf(updated)];
        const changed = Object.keys(is).filter((key) => JSON.stringify(was[key]) !== JSON.stringify(is[key]));
        if (changed.length) {
          await this.audit.record(em, {
            actorId, action: 'CATEGORY_UPDATED', targetType: 'CATEGORY', targetId: id,
            before: Object.fromEntries(changed.map((key) => [key, was[key]])),
            after: Object.fromEntries(changed.map((key) => [key, is[key]])),
            at: this.clock.now(),
          });
        }
        return updated;
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw conflict(`The slug "${changes.slug}" is already used by another category.`);
      throw error;
    }
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
