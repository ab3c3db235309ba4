import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditLogEntity } from './audit-log.entity';

export interface AuditEntry {
  actorId: string | null;
  action: string;
  targetType: string;
  targetId: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  /** Why, in the actor's words (a moderator's note), when the action takes one. */
  reason?: string | null;
  at: Date;
}

/** The one owner of `audit_log`: append-only, written in the transaction of the change it records. */
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
}
