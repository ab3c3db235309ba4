import { Module } from '@nestjs/common';
import { FirstPostHold } from './first-post-hold';
import { UserLoader } from './users.loaders';
import { UsersRepository } from './users.repository';
import { UsersResolver } from './users.resolver';
import { UsersService } from './users.service';

@Module({
  providers: [UsersRepository, UserLoader, UsersService, UsersResolver, FirstPostHold],
  exports: [UsersRepository, UsersService, FirstPostHold],
})
export class UsersModule {}
