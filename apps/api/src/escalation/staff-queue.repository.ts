import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { STAFF_QUEUE_STATES, type StaffQueueState, staffQueueState, validationFailed } from '@peerdesk/domain';
import type { Keyset } from '../common/pagination';
import { CategoryEntity } from '../categories/category.entity';
import { QuestionEntity } from '../questions/question.entity';
import { EscalationEntity } from './escalation.entity';

export interface StaffQueueFilter {
  categoryId?: string;
  assigneeId?: string;
  state?: StaffQueueState;
  /** The categories whose staff team this user is in; every category when they are in none. */
  teamOf?: string;
}

export interface StaffQueueRow {
  escalation: EscalationEntity;
  question: QuestionEntity;
  category: CategoryEntity;
}

/**
 * The filter by state, made from the rule itself (staffQueueState in @peerdesk/domain, which the displayed state
 * comes from too), so the two cannot disagree: the rule reads only whether each of three columns is set, so each
 * state is the combinations of set and unset that the rule maps to it.
 */
const STATE_CONDITIONS = Object.fromEntries(STAFF_QUEUE_STATES.map((state) => {
  const combinations: string[] = [];
  for (const paused of [false, true]) {
    for (const breached of [false, true]) {
      for (const assigned of [false, true]) {
        const set = new Date(0);
        if (staffQueueState({ pausedSince: paused ? set : null, breachedAt: breached ? set : null, assigneeId: assigned ? '0' : null }) === state) {
          combinations.push(`(${paused}, ${breached}, ${assigned})`);
        }
      }
    }
  }
  return [state, `(e.paused_since IS NOT NULL, e.breached_at IS NOT NULL, e.assignee_id IS NOT NULL) IN (${combinations.join(', ')})`];
})) as Record<StaffQueueState, string>;

// Paused escalations have no deadline and sort last.
const DUE_KEY = "COALESCE(e.staff_due_at, 'infinity'::timestamptz)";

@Injectable()
export class StaffQueueRepository {
  constructor(private readonly db: DataSource) {}

  keyOf(row: StaffQueueRow): Keyset {
    return { key: row.escalation.staffDueAt?.toISOString() ?? 'infinity', id: row.escalation.id };
  }

  async page(filter: StaffQueueFilter, first: number, after: Keyset | null): Promise<{ rows: StaffQueueRow[]; total: number }> {
    const query = this.db
      .getRepository(EscalationEntity)
      .createQueryBuilder('e')
      .innerJoinAndMapOne('e.question', QuestionEntity, 'q', 'q.id = e.question_id AND q.deleted_at IS NULL')
      .innerJoinAndMapOne('e.category', CategoryEntity, 'c', 'c.id = q.category_id')
      .where('e.closed_at IS NULL');
    if (filter.categoryId) query.andWhere('q.category_id = :categoryId', { categoryId: filter.categoryId });
    if (filter.assigneeId) query.andWhere('e.assignee_id = :assigneeId', { assigneeId: filter.assigneeId });
    if (filter.state) query.andWhere(STATE_CONDITIONS[filter.state]);
    if (filter.teamOf) {
      query.andWhere(`(q.category_id IN (SELECT category_id FROM category_staff WHERE user_id = :teamOf)
                       OR NOT EXISTS (SELECT 1 FROM category_staff WHERE user_id = :teamOf))`, { teamOf: filter.teamOf });
    }
    const total = await query.getCount();
    if (after) {
      if (after.key !== 'infinity' && Number.isNaN(Date.parse(String(after.key)))) {
        throw validationFailed([{ field: 'after', message: 'This cursor is not one the staff queue handed out; start again from the first page.' }]);
      }
      query.andWhere(`(${DUE_KEY}, e.id) > (CAST(:afterKey AS timestamptz), CAST(:afterId AS bigint))`, { afterKey: after.key, afterId: after.id });
    }
    const found = (await query.orderBy(DUE_KEY, 'ASC').addOrderBy('e.id', 'ASC').limit(first + 1).getMany()) as Array<
      EscalationEntity & { question: QuestionEntity; category: CategoryEntity }
    >;
    return { rows: found.map(({ question, category, ...escalation }) => ({ escalation: escalation as EscalationEntity, question, category })), total };
  }
}
