import { Module } from '@nestjs/common';
import { AnswersModule } from '../answers/answers.module';
import { EndorsementsRepository } from './endorsements.repository';
import { EndorsementsResolver } from './endorsements.resolver';
import { EndorsementsService } from './endorsements.service';

@Module({ imports: [AnswersModule], providers: [EndorsementsRepository, EndorsementsService, EndorsementsResolver] })
export class EndorsementsModule {}
