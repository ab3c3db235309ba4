import { type DynamicModule, Module } from '@nestjs/common';
import { AnswersModule } from '../answers/answers.module';
import { EscalationModule } from '../escalation/escalation.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { QuestionsModule } from '../questions/questions.module';
import { UsersModule } from '../users/users.module';
import { AcceptRemindersJob } from './accept-reminders.job';
import { AcceptRemindersRepository } from './accept-reminders.repository';
import { AcceptRemindersResolver } from './accept-reminders.resolver';
import { AcceptRemindersService } from './accept-reminders.service';
import { ReminderFiguresResolver } from './reminder-figures.resolver';

/** Reminders to accept (and, through their links, accepting or calling staff without signing in). */
@Module({})
export class RemindersModule {
  /** Takes the environment only to import the escalation module as the app registers it. */
  static register(nodeEnv: string): DynamicModule {
    return {
      module: RemindersModule,
      imports: [AnswersModule, EscalationModule.register(nodeEnv), NotificationsModule, QuestionsModule, UsersModule],
      providers: [AcceptRemindersRepository, AcceptRemindersService, AcceptRemindersJob, AcceptRemindersResolver, ReminderFiguresResolver],
      exports: [AcceptRemindersService],
    };
  }
}
