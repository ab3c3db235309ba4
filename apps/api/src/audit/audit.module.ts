import { Global, Module } from '@nestjs/common';
import { AuditLogRepository } from './audit-log.repository';
import { AuditResolver } from './audit.resolver';
import { AuditService } from './audit.service';

/** Global: every module that makes privileged changes records them here, inside its own transactions. */
@Global()
@Module({ providers: [AuditLogRepository, AuditService, AuditResolver], exports: [AuditLogRepository, AuditService] })
export class AuditModule {}
