import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuditLogEntity } from './audit-log.entity';

export interface AuditEntry {
  actorId: string | null;
  action: string;
  targetType: string;
  targetId: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  at: Date;
}

/** Append-only record of privileged changes, written in the same transaction as the change itself. */
@Injectable()
export class AuditService {
  async record(em: EntityManager, entry: AuditEntry): Promise<void> {
    await em.insert(AuditLogEntity, {
      actorId: entry.actorId,
      action: entry.action,
      targetType: entry.targetType,
      targetId: entry.targetId,
      // jsonb columns: TypeORM's deep-partial typing does not fit free-form objects.
      before: entry.before as object,
      after: entry.after as object,
      createdAt: entry.at,
    });
  }

  async forTarget(em: EntityManager, targetType: string, targetId: string): Promise<AuditLogEntity[]> {
    return em.find(AuditLogEntity, { where: { targetType, targetId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }
}
