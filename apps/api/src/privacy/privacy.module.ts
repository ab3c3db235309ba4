import { Module } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import { AuthModule } from '../auth/auth.module';
import { PrivacyRepository } from './privacy.repository';
import { PrivacyResolver } from './privacy.resolver';
import { PrivacyService } from './privacy.service';

@Module({ imports: [AuthModule], providers: [PrivacyRepository, PrivacyService, PrivacyResolver, AuditService] })
export class PrivacyModule {}
