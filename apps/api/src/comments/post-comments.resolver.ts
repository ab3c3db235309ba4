import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { AnswerModel } from '../answers/answer.model';
import { canSeePost } from '@peerdesk/domain';
import type { RequestContext } from '../common/viewer';
import { QuestionModel } from '../questions/question.model';
import { CommentModel, toCommentModel } from './comment.model';
import { CommentsOnLoader } from './comments.loaders';

const DESCRIPTION = 'Live comments, oldest first; held and hidden ones only for their author and the moderators.';

/** The comments of Question and Answer live with the comments module; one query per page, whatever its size. */
@Resolver(() => QuestionModel)
export class QuestionCommentsResolver {
  @ResolveField(() => [CommentModel], { description: DESCRIPTION })
  async comments(@Parent() question: QuestionModel, @Context() { loaders, viewer }: RequestContext): Promise<CommentModel[]> {
    return (await loaders.get(CommentsOnLoader).load({ targetType: 'QUESTION', targetId: question.id })).filter((c) => canSeePost(viewer, c)).map(toCommentModel);
  }
}

@Resolver(() => AnswerModel)
export class AnswerCommentsResolver {
  @ResolveField(() => [CommentModel], { description: DESCRIPTION })
  async comments(@Parent() answer: AnswerModel, @Context() { loaders, viewer }: RequestContext): Promise<CommentModel[]> {
    return (await loaders.get(CommentsOnLoader).load({ targetType: 'ANSWER', targetId: answer.id })).filter((c) => canSeePost(viewer, c)).map(toCommentModel);
  }
}
