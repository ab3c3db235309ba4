import { Module } from '@nestjs/common';
import { AnswersModule } from '../answers/answers.module';
import { EndorsementsRepository } from './endorsements.repository';
import { EndorsementsResolver } from './endorsements.resolver';

@Module({ imports: [AnswersModule], providers: [EndorsementsRepository, EndorsementsResolver] })
export class EndorsementsModule {}
