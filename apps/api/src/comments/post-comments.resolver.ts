import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { AnswerModel } from '../answers/answer.model';
import { canSeePost } from '@peerdesk/domain';
import type { PostTargetType } from '../common/enums';
import type { RequestContext, Viewer } from '../common/viewer';
import { QuestionModel } from '../questions/question.model';
import { CommentModel, toCommentModel } from './comment.model';
import type { CommentEntity } from './comment.entity';
import { ThreadCommentsLoader } from './comments.loaders';

/** A post's comments among its thread's, as this viewer may see them. */
function shown(thread: CommentEntity[], targetType: PostTargetType, targetId: string, viewer: Viewer | null): CommentModel[] {
  return thread.filter((c) => c.targetType === targetType && c.targetId === targetId && canSeePost(viewer, c)).map(toCommentModel);
}

const DESCRIPTION = 'Live comments, oldest first; held and hidden ones only for their author and the moderators.';

/** The comments of Question and Answer live with the comments module; one query per page, whatever its size. */
@Resolver(() => QuestionModel)
export class QuestionCommentsResolver {
  @ResolveField(() => [CommentModel], { description: DESCRIPTION })
  async comments(@Parent() question: QuestionModel, @Context() { loaders, viewer }: RequestContext): Promise<CommentModel[]> {
    return shown(await loaders.get(ThreadCommentsLoader).load(question.id), 'QUESTION', question.id, viewer);
  }
}

@Resolver(() => AnswerModel)
export class AnswerCommentsResolver {
  @ResolveField(() => [CommentModel], { description: DESCRIPTION })
  async comments(@Parent() answer: AnswerModel, @Context() { loaders, viewer }: RequestContext): Promise<CommentModel[]> {
    return shown(await loaders.get(ThreadCommentsLoader).load(answer.questionId), 'ANSWER', answer.id, viewer);
  }
}
