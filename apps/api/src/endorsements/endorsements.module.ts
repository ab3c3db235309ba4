import { Module } from '@nestjs/common';
import { AnswersModule } from '../answers/answers.module';
import { EndorsedLoader } from './endorsements.loaders';
import { EndorsementsRepository } from './endorsements.repository';
import { EndorsementsResolver } from './endorsements.resolver';
import { EndorsementsService } from './endorsements.service';

@Module({ imports: [AnswersModule], providers: [EndorsementsRepository, EndorsedLoader, EndorsementsService, EndorsementsResolver] })
export class EndorsementsModule {}
