import { Int, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { AnswerModel } from '../answers/answer.model';
import { CurrentViewer, type Viewer } from '../common/viewer';
import { QuestionModel } from '../questions/question.model';
import type { VoteTargetType } from './vote.entity';
import { VotesService } from './votes.service';

async function viewerVoteOn(votes: VotesService, viewer: Viewer | null, targetType: VoteTargetType, id: string): Promise<number> {
  if (!viewer) return 0;
  return (await votes.viewerVotes(viewer.id, targetType, [id])).get(id) ?? 0;
}

@Resolver(() => QuestionModel)
export class QuestionViewerVoteResolver {
  constructor(private readonly votes: VotesService) {}

  @ResolveField(() => Int, { description: "The signed-in viewer's vote on this question: 1, -1 or 0." })
  viewerVote(@Parent() question: QuestionModel, @CurrentViewer() viewer: Viewer | null): Promise<number> {
    return viewerVoteOn(this.votes, viewer, 'QUESTION', question.id);
  }
}

@Resolver(() => AnswerModel)
export class AnswerViewerVoteResolver {
  constructor(private readonly votes: VotesService) {}

  @ResolveField(() => Int, { description: "The signed-in viewer's vote on this answer: 1, -1 or 0." })
  viewerVote(@Parent() answer: AnswerModel, @CurrentViewer() viewer: Viewer | null): Promise<number> {
    return viewerVoteOn(this.votes, viewer, 'ANSWER', answer.id);
  }
}
