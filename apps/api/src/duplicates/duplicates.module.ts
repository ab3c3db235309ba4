import { Module } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import { DuplicateOfLoader } from './duplicates.loaders';
import { DuplicatesRepository } from './duplicates.repository';
import { DuplicatesResolver } from './duplicates.resolver';
import { DuplicatesService } from './duplicates.service';

@Module({ providers: [DuplicatesRepository, DuplicateOfLoader, DuplicatesService, DuplicatesResolver, AuditService] })
export class DuplicatesModule {}
