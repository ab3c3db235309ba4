import { Module } from '@nestjs/common';
import { UserLoader } from './users.loaders';
import { UsersRepository } from './users.repository';
import { UsersResolver } from './users.resolver';
import { UsersService } from './users.service';

@Module({ providers: [UsersRepository, UserLoader, UsersService, UsersResolver], exports: [UsersRepository, UsersService] })
export class UsersModule {}
