import { type DynamicModule, Module } from '@nestjs/common';
import { CategoriesModule } from '../categories/categories.module';
import { ImporterModule } from '../importer/importer.module';
import { QuestionsModule } from '../questions/questions.module';
import { UsersModule } from '../users/users.module';
import { CommunityClock } from './community-clock';
import { CurrentEscalationLoader, SuggestedAssigneeLoader } from './escalation.loaders';
import { EscalationRepository } from './escalation.repository';
import { ESCALATION_RESOLVERS } from './escalation.resolver';
import { EscalationService } from './escalation.service';
import { EscalationSweep } from './escalation.sweep';
import { StaffQueueRepository } from './staff-queue.repository';
import { TestSupportController } from './test-support.controller';

@Module({})
export class EscalationModule {
  /** One module object per environment: the app and the reminders module both import it, and two objects made two EscalationService instances, each handling every event. */
  private static readonly registered = new Map<string, DynamicModule>();

  /** The test routes exist only in NODE_ENV=test: anywhere else they are simply not there (404). */
  static register(nodeEnv: string): DynamicModule {
    const known = EscalationModule.registered.get(nodeEnv);
    if (known) return known;
    const module: DynamicModule = {
      module: EscalationModule,
      imports: [QuestionsModule, CategoriesModule, UsersModule, ImporterModule],
      providers: [EscalationRepository, CurrentEscalationLoader, SuggestedAssigneeLoader, CommunityClock, EscalationService, EscalationSweep, StaffQueueRepository, ...ESCALATION_RESOLVERS],
      controllers: nodeEnv === 'test' ? [TestSupportController] : [],
      exports: [EscalationService, EscalationSweep],
    };
    EscalationModule.registered.set(nodeEnv, module);
    return module;
  }
}
