import { Module } from '@nestjs/common';
import { QuestionsModule } from '../questions/questions.module';
import { UsersModule } from '../users/users.module';
import { TrustLevelsJob } from './trust-levels.job';
import { TrustLevelsService } from './trust-levels.service';
import { TrustRepository } from './trust.repository';
import { TrustResolver } from './trust.resolver';

@Module({ imports: [UsersModule, QuestionsModule], providers: [TrustRepository, TrustLevelsService, TrustLevelsJob, TrustResolver], exports: [TrustLevelsService, TrustRepository] })
export class TrustModule {}
