import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AuditLogEntity } from './audit-log.entity';
import { type AuditEntry, AuditLogRepository } from './audit-log.repository';

/** Append-only record of privileged changes, written in the same transaction as the change itself. */
@Injectable()
export class AuditService {
  constructor(private readonly log: AuditLogRepository) {}

  record(em: EntityManager, entry: AuditEntry): Promise<void> {
    return this.log.insert(em, entry);
  }

  forTarget(targetType: string, targetId: string): Promise<AuditLogEntity[]> {
    return this.log.forTarget(targetType, targetId);
  }
}
