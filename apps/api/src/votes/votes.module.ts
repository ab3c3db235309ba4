import { Module } from '@nestjs/common';
import { QuestionsModule } from '../questions/questions.module';
import { AnswerViewerVoteResolver, QuestionViewerVoteResolver } from './viewer-vote.resolver';
import { VotesResolver } from './votes.resolver';
import { VotesService } from './votes.service';

@Module({
  imports: [QuestionsModule],
  providers: [VotesService, VotesResolver, QuestionViewerVoteResolver, AnswerViewerVoteResolver],
  exports: [VotesService],
})
export class VotesModule {}
