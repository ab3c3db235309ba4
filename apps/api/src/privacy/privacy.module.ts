import { Module } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import { PrivacyRepository } from './privacy.repository';
import { PrivacyResolver } from './privacy.resolver';
import { PrivacyService } from './privacy.service';

@Module({ providers: [PrivacyRepository, PrivacyService, PrivacyResolver, AuditService] })
export class PrivacyModule {}
