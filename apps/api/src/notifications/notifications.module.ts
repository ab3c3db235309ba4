import { Module } from '@nestjs/common';
import { CategoriesModule } from '../categories/categories.module';
import { QuestionsModule } from '../questions/questions.module';
import { UsersModule } from '../users/users.module';
import { EmailOutbox } from './email-outbox';
import { EmailOutboxRepository } from './email-outbox.repository';
import { CategoryWatchResolver, NotificationsResolver, QuestionWatchResolver } from './notifications.resolver';
import { ViewerWatchingLoader } from './notifications.loaders';
import { NotificationsRepository } from './notifications.repository';
import { NotificationsService } from './notifications.service';
import { NotificationsSubscriber } from './notifications.subscriber';

@Module({
  imports: [QuestionsModule, CategoriesModule, UsersModule],
  providers: [
    NotificationsRepository,
    EmailOutboxRepository,
    ViewerWatchingLoader,
    NotificationsService,
    NotificationsSubscriber,
    EmailOutbox,
    NotificationsResolver,
    QuestionWatchResolver,
    CategoryWatchResolver,
  ],
  exports: [EmailOutbox, NotificationsRepository, EmailOutboxRepository],
})
export class NotificationsModule {}
