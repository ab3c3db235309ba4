import { Module } from '@nestjs/common';
import { AnswerViewerVoteResolver, QuestionViewerVoteResolver } from './viewer-vote.resolver';
import { VotesResolver } from './votes.resolver';
import { VotesService } from './votes.service';

@Module({
  providers: [VotesService, VotesResolver, QuestionViewerVoteResolver, AnswerViewerVoteResolver],
  exports: [VotesService],
})
export class VotesModule {}
