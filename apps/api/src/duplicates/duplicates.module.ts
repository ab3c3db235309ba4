import { Module } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import { QuestionsModule } from '../questions/questions.module';
import { DuplicatesResolver } from './duplicates.resolver';
import { DuplicatesService } from './duplicates.service';

@Module({ imports: [QuestionsModule], providers: [DuplicatesService, DuplicatesResolver, AuditService] })
export class DuplicatesModule {}
