import { Module } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import { UsersResolver } from './users.resolver';
import { UsersService } from './users.service';

@Module({ providers: [UsersService, UsersResolver, AuditService], exports: [UsersService, AuditService] })
export class UsersModule {}
