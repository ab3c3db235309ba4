import { Context, Int, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { AnswerModel } from '../answers/answer.model';
import type { RequestContext } from '../common/viewer';
import { QuestionModel } from '../questions/question.model';
import { ViewerVoteLoader } from './votes.loaders';

@Resolver(() => QuestionModel)
export class QuestionViewerVoteResolver {
  @ResolveField(() => Int, { description: "The signed-in viewer's vote on this question: 1, -1 or 0." })
  viewerVote(@Parent() question: QuestionModel, @Context() { loaders }: RequestContext): Promise<number> {
    return loaders.get(ViewerVoteLoader).load({ targetType: 'QUESTION', targetId: question.id });
  }
}

@Resolver(() => AnswerModel)
export class AnswerViewerVoteResolver {
  @ResolveField(() => Int, { description: "The signed-in viewer's vote on this answer: 1, -1 or 0." })
  viewerVote(@Parent() answer: AnswerModel, @Context() { loaders }: RequestContext): Promise<number> {
    return loaders.get(ViewerVoteLoader).load({ targetType: 'ANSWER', targetId: answer.id });
  }
}
