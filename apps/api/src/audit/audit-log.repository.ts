import { Injectable } from '@nestjs/common';
import type { AuditAction, AuditTargetType } from '@peerdesk/domain';
import { DataSource, type EntityManager } from 'typeorm';
import type { Keyset } from '../common/pagination';
import { positional } from '../database/named-parameters';
import { AuditLogEntity } from './audit-log.entity';

export interface AuditEntry {
  actorId: string | null;
  /** One of AUDIT_ACTIONS (packages/domain/src/audit-actions.ts): a new action is named there first. */
  action: AuditAction;
  targetType: AuditTargetType;
  targetId: string;
  /** What changed, as it was and as it became; never an e-mail address, a password or a secret. */
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  /** Why, in the actor's words (a moderator's note), when the action takes one. */
  reason?: string | null;
  at: Date;
}

/** Which entries a page of the log shows; every field narrows it, none means all. */
export interface AuditFilter {
  actorId?: string | null;
  action?: string | null;
  targetType?: string | null;
  targetId?: string | null;
  /** At or after. */
  from?: Date | null;
  /** Before (exclusive). */
  to?: Date | null;
}

const COLUMNS = `id::text, actor_id::text AS "actorId", action, target_type AS "targetType", target_id AS "targetId", before, after, reason, created_at AS "createdAt"`;

/**
 * The one owner of `audit_log`: append-only (a trigger refuses UPDATE, DELETE and TRUNCATE, migration
 * AuditAppendOnly), written in the transaction of the change it records. It has no method that changes a row.
 */
@Injectable()
export class AuditLogRepository {
  constructor(private readonly db: DataSource) {}

  async insert(em: EntityManager, entry: AuditEntry): Promise<void> {
    await em.insert(AuditLogEntity, {
      actorId: entry.actorId,
      action: entry.action,
      targetType: entry.targetType,
      targetId: entry.targetId,
      // jsonb columns: TypeORM's deep-partial typing does not fit free-form objects.
      before: entry.before as object,
      after: entry.after as object,
      reason: entry.reason ?? null,
      createdAt: entry.at,
    });
  }

  /** The entries about one target, oldest first. */
  forTarget(targetType: string, targetId: string): Promise<AuditLogEntity[]> {
    return this.db.getRepository(AuditLogEntity).find({ where: { targetType, targetId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  /**
   * One page of the log, newest first by (created_at, id), plus one row to tell whether another page
   * follows, and the total under the filter. Only the conditions asked for are in the statement, so each
   * filter meets its index (audit_log_actor, audit_log_action, audit_log_target, audit_log_time).
   */
  async page(filter: AuditFilter, first: number, after: Keyset | null): Promise<{ rows: AuditLogEntity[]; total: number }> {
    const conditions: string[] = [];
    if (filter.actorId) conditions.push(`actor_id = :actorId`);
    if (filter.action) conditions.push(`action = :action`);
    if (filter.targetType) conditions.push(`target_type = :targetType`);
    if (filter.targetId) conditions.push(`target_id = :targetId`);
    if (filter.from) conditions.push(`created_at >= :from`);
    if (filter.to) conditions.push(`created_at < :to`);
    const values = { ...filter, afterKey: after?.key ?? null, afterId: after?.id ?? null, limit: first + 1 };
    const where = (extra: string[]) => (conditions.length + extra.length ? `WHERE ${[...conditions, ...extra].join(' AND ')}` : '');
    const keyset = after ? [`(created_at, id) < (CAST(:afterKey AS timestamptz), CAST(:afterId AS bigint))`] : [];
    const [rows, [{ total }]] = await Promise.all([
      this.db.query(...positional(`SELECT ${COLUMNS} FROM audit_log ${where(keyset)} ORDER BY created_at DESC, id DESC LIMIT :limit`, values)) as Promise<AuditLogEntity[]>,
      this.db.query(...positional(`SELECT count(*)::int AS total FROM audit_log ${where([])}`, values)) as Promise<Array<{ total: number }>>,
    ]);
    return { rows, total };
  }
}
