import { Module } from '@nestjs/common';
import { NotificationsModule } from '../notifications/notifications.module';
import { TrustModule } from '../trust/trust.module';
import { UsersModule } from '../users/users.module';
import { AccountResolver } from './account.resolver';
import { AccountService } from './account.service';
import { AccountTokensRepository } from './account-tokens.repository';
import { AuthResolver } from './auth.resolver';
import { AuthService } from './auth.service';
import { Passwords } from './passwords';
import { SessionsRepository } from './sessions.repository';

@Module({
  imports: [UsersModule, NotificationsModule, TrustModule],
  providers: [Passwords, AuthService, AuthResolver, AccountService, AccountResolver, AccountTokensRepository, SessionsRepository],
  exports: [AuthService, SessionsRepository, Passwords],
})
export class AuthModule {}
