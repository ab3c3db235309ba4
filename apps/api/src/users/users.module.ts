import { Module } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import { UserLoader } from './users.loaders';
import { UsersRepository } from './users.repository';
import { UsersResolver } from './users.resolver';
import { UsersService } from './users.service';

@Module({ providers: [UsersRepository, UserLoader, UsersService, UsersResolver, AuditService], exports: [UsersRepository, UsersService, AuditService] })
export class UsersModule {}
