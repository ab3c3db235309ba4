import { Inject, Injectable } from '@nestjs/common';
import {
  assertValid, type CategoryPatch, conflict, mayJoinStaffTeam, notFound, validateCategory, validateCategoryPatch, validationFailed,
} from '@peerdesk/domain';
import { AuditService } from '../audit/audit.service';
import { CLOCK, type Clock } from '../common/clock';
import { checkId } from '../common/ids';
import { isUniqueViolation } from '../database/errors';
import { Transactions } from '../database/transactions';
import { UsersRepository } from '../users/users.repository';
import { type CategoryActivity, CategoriesRepository, type KeptCounter, type KeptCounts } from './categories.repository';
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
    private readonly users: UsersRepository,
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
    // 0 turns the fast lane and auto-close off (GraphQL has no way to tell "set to null" from "leave as is" here).
    if (changes.fastLanePeerWindowHours === 0) changes.fastLanePeerWindowHours = null;
    if (changes.solvedAutoCloseDays === 0) changes.solvedAutoCloseDays = null;
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

  /**
   * Makes the category's staff team exactly these users (who hear of its escalations and are suggested for them);
   * each must be an employee who handles escalations. Recorded in the audit log with the team before and after.
   */
  async setStaffTeam(actorId: string, categoryId: string, userIds: readonly string[]): Promise<CategoryEntity> {
    checkId(categoryId, 'category');
    const ids = [...new Set(userIds.map((id) => checkId(id, 'user')))].sort((a, b) => Number(a) - Number(b));
    const found = await this.users.findByIds(ids);
    const refused = ids.filter((_, at) => !found[at] || !mayJoinStaffTeam(found[at]!));
    if (refused.length) {
      throw validationFailed([{
        field: 'userIds', message: `Only employees who handle escalations can be on a staff team; not user${refused.length > 1 ? 's' : ''} ${refused.join(', ')}.`,
      }]);
    }
    return this.transactions.run(async (em) => {
      const category = await this.categories.lock(em, categoryId);
      if (!category) throw notFound(`There is no category ${categoryId}.`);
      const before = await this.categories.staffTeam(em, categoryId);
      if (JSON.stringify(before) !== JSON.stringify(ids)) {
        await this.categories.setStaffTeam(em, categoryId, ids);
        await this.audit.record(em, {
          actorId, action: 'CATEGORY_STAFF_TEAM_SET', targetType: 'CATEGORY', targetId: categoryId,
          before: { staffTeam: before }, after: { staffTeam: ids }, at: this.clock.now(),
        });
      }
      return category;
    });
  }

  async findById(id: string): Promise<CategoryEntity> {
    const category = await this.categories.findById(checkId(id, 'category'));
    if (!category) throw notFound(`There is no category ${id}.`);
    return category;
  }

  async findBySlug(slug: string): Promise<{ category: CategoryEntity; keptCounts: KeptCounts }> {
    const found = await this.categories.findBySlug(slug);
    if (!found) throw notFound(`There is no category "${slug}".`);
    return found;
  }

  /** Every category, by name, with the activity of its live questions. */
  summaries(): Promise<Array<{ category: CategoryEntity; activity: CategoryActivity }>> {
    return this.categories.allWithActivity();
  }

  /** A count category_counts keeps (a list of a category's or every category's questions counts with it). */
  keptQuestionCount(categoryId: string | null, kept: KeptCounter): Promise<number> {
    return this.categories.keptQuestionCount(categoryId, kept);
  }
}
