import { Module } from '@nestjs/common';
import { SpamModule } from '../spam/spam.module';
import { PostingHold } from './posting-hold';
import { UserLoader } from './users.loaders';
import { UsersRepository } from './users.repository';
import { UsersResolver } from './users.resolver';
import { UsersService } from './users.service';

@Module({
  imports: [SpamModule],
  providers: [UsersRepository, UserLoader, UsersService, UsersResolver, PostingHold],
  exports: [UsersRepository, UsersService, PostingHold],
})
export class UsersModule {}
