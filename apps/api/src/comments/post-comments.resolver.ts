import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { AnswerModel } from '../answers/answer.model';
import type { RequestContext } from '../common/viewer';
import { QuestionModel } from '../questions/question.model';
import { CommentModel, toCommentModel } from './comment.model';
import { CommentsOnLoader } from './comments.loaders';

const DESCRIPTION = 'Live comments, oldest first.';

/** The comments of Question and Answer live with the comments module; one query per page, whatever its size. */
@Resolver(() => QuestionModel)
export class QuestionCommentsResolver {
  @ResolveField(() => [CommentModel], { description: DESCRIPTION })
  async comments(@Parent() question: QuestionModel, @Context() { loaders }: RequestContext): Promise<CommentModel[]> {
    return (await loaders.get(CommentsOnLoader).load({ targetType: 'QUESTION', targetId: question.id })).map(toCommentModel);
  }
}

@Resolver(() => AnswerModel)
export class AnswerCommentsResolver {
  @ResolveField(() => [CommentModel], { description: DESCRIPTION })
  async comments(@Parent() answer: AnswerModel, @Context() { loaders }: RequestContext): Promise<CommentModel[]> {
    return (await loaders.get(CommentsOnLoader).load({ targetType: 'ANSWER', targetId: answer.id })).map(toCommentModel);
  }
}
