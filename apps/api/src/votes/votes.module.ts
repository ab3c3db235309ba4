import { Module } from '@nestjs/common';
import { AnswersModule } from '../answers/answers.module';
import { QuestionsModule } from '../questions/questions.module';
import { UsersModule } from '../users/users.module';
import { AnswerViewerVoteResolver, QuestionViewerVoteResolver } from './viewer-vote.resolver';
import { VotesRepository } from './votes.repository';
import { ViewerVoteLoader } from './votes.loaders';
import { VotesResolver } from './votes.resolver';
import { VotesService } from './votes.service';

@Module({
  imports: [QuestionsModule, AnswersModule, UsersModule],
  providers: [VotesRepository, VotesService, ViewerVoteLoader, VotesResolver, QuestionViewerVoteResolver, AnswerViewerVoteResolver],
  exports: [VotesService],
})
export class VotesModule {}
