import { Injectable } from '@nestjs/common';
import { type FieldError, validationFailed } from '@peerdesk/domain';
import type { EntityManager } from 'typeorm';
import { isEntityId } from '../common/ids';
import { checkPageSize, type Connection, decodeCursor, toConnection } from '../common/pagination';
import type { AuditLogEntity } from './audit-log.entity';
import { type AuditEntry, type AuditFilter, AuditLogRepository } from './audit-log.repository';

/** Append-only record of privileged changes, written in the same transaction as the change itself. */
@Injectable()
export class AuditService {
  constructor(private readonly log: AuditLogRepository) {}

  /** Call inside the transaction that makes the change, so the entry and the change commit (or not) together. */
  record(em: EntityManager, entry: AuditEntry): Promise<void> {
    return this.log.insert(em, entry);
  }

  forTarget(targetType: string, targetId: string): Promise<AuditLogEntity[]> {
    return this.log.forTarget(targetType, targetId);
  }

  /** One page of the log, newest first; ids that cannot name anything and a backwards period are VALIDATION_FAILED. */
  async page(filter: AuditFilter, first: number, after: string | null): Promise<Connection<AuditLogEntity>> {
    checkPageSize(first);
    const problems: FieldError[] = [];
    for (const field of ['actorId', 'targetId'] as const) {
      const id = filter[field];
      if (id != null && !isEntityId(id)) problems.push({ field, message: `"${id}" is not an id: ids are whole numbers.` });
    }
    for (const field of ['from', 'to'] as const) {
      const date = filter[field];
      if (date != null && Number.isNaN(date.getTime())) problems.push({ field, message: 'Give an ISO 8601 date and time, such as 2025-03-01T00:00:00Z.' });
    }
    if (!problems.length && filter.from && filter.to && filter.from >= filter.to) {
      problems.push({ field: 'to', message: 'The end of the period must come after its start.' });
    }
    if (problems.length) throw validationFailed(problems);
    const { rows, total } = await this.log.page(filter, first, after ? decodeCursor(after) : null);
    return toConnection(rows, first, total, (row) => ({ key: row.createdAt.toISOString(), id: row.id }), (row) => row);
  }
}
