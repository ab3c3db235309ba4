import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { PrivateConversationsModule } from '../private-conversations/private-conversations.module';
import { QuestionsModule } from '../questions/questions.module';
import { TrustModule } from '../trust/trust.module';
import { UsersModule } from '../users/users.module';
import { PrivacyRepository } from './privacy.repository';
import { PrivacyResolver } from './privacy.resolver';
import { PrivacyService } from './privacy.service';

@Module({ imports: [AuthModule, UsersModule, QuestionsModule, NotificationsModule, TrustModule, PrivateConversationsModule], providers: [PrivacyRepository, PrivacyService, PrivacyResolver] })
export class PrivacyModule {}
