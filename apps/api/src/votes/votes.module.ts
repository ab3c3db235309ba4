import { Module } from '@nestjs/common';
import { QuestionsModule } from '../questions/questions.module';
import { AnswerViewerVoteResolver, QuestionViewerVoteResolver } from './viewer-vote.resolver';
import { ViewerVoteLoader } from './votes.loaders';
import { VotesResolver } from './votes.resolver';
import { VotesService } from './votes.service';

@Module({
  imports: [QuestionsModule],
  providers: [VotesService, ViewerVoteLoader, VotesResolver, QuestionViewerVoteResolver, AnswerViewerVoteResolver],
  exports: [VotesService],
})
export class VotesModule {}
