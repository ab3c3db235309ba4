import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { can, canSeeModeration, moderationNextStep, type PostModerationState, secondLookRefusal } from '@peerdesk/domain';
import { AnswerModel } from '../answers/answer.model';
import { CommentModel } from '../comments/comment.model';
import type { Loaders } from '../common/loaders';
import type { RequestContext, Viewer } from '../common/viewer';
import type { PostModerationFacts } from '../questions/question.model';
import { QuestionModel } from '../questions/question.model';
import type { PostRef } from './review.repository';
import { UserModel } from '../users/user.model';
import { AuthorHistoryLoader, LatestReviewItemLoader } from './review.loaders';
import { AuthorHistoryModel, PostModerationModel } from './review.model';

const DESCRIPTION = 'Its moderation state and what its author is told: for its author and the moderators only (null for anyone else).';

/** A post's `moderation` field, whatever its kind; the review item is read only for a post that is not visible. */
async function moderationOf(
  post: { id: string; authorId: string; moderation: PostModerationFacts }, targetType: PostRef['targetType'], viewer: Viewer | null, loaders: Loaders,
): Promise<PostModerationModel | null> {
  if (!canSeeModeration(viewer, post)) return null;
  const state: PostModerationState = post.moderation.deleted ? 'DELETED' : post.moderation.state;
  if (state === 'VISIBLE') return { state, reason: null, nextStep: null, reviewItemId: null, secondLookAvailable: false };
  const item = await loaders.get(LatestReviewItemLoader).load({ targetType, targetId: post.id });
  const review = { pending: item?.state === 'OPEN', secondLookRequested: item?.secondLookRequestedAt != null };
  return {
    state,
    reason: post.moderation.reason,
    nextStep: moderationNextStep(state, review),
    reviewItemId: item?.id ?? null,
    secondLookAvailable: item !== null && viewer?.id === post.authorId && secondLookRefusal(item) === null,
  };
}

@Resolver(() => QuestionModel)
export class QuestionModerationResolver {
  @ResolveField(() => PostModerationModel, { nullable: true, description: DESCRIPTION })
  moderation(@Parent() question: QuestionModel, @Context() { viewer, loaders }: RequestContext): Promise<PostModerationModel | null> {
    return moderationOf(question, 'QUESTION', viewer, loaders);
  }
}

@Resolver(() => AnswerModel)
export class AnswerModerationResolver {
  @ResolveField(() => PostModerationModel, { nullable: true, description: DESCRIPTION })
  moderation(@Parent() answer: AnswerModel, @Context() { viewer, loaders }: RequestContext): Promise<PostModerationModel | null> {
    return moderationOf(answer, 'ANSWER', viewer, loaders);
  }
}

@Resolver(() => CommentModel)
export class CommentModerationResolver {
  @ResolveField(() => PostModerationModel, { nullable: true, description: DESCRIPTION })
  moderation(@Parent() comment: CommentModel, @Context() { viewer, loaders }: RequestContext): Promise<PostModerationModel | null> {
    return moderationOf(comment, 'COMMENT', viewer, loaders);
  }
}

@Resolver(() => UserModel)
export class UserModerationRecordResolver {
  @ResolveField(() => AuthorHistoryModel, {
    nullable: true,
    description: 'Their moderation record (posts, flags raised against their posts and how many upheld, posts held now, posts removed): for moderators and admins only (null for anyone else).',
  })
  async moderationRecord(@Parent() user: UserModel, @Context() { viewer, loaders }: RequestContext): Promise<AuthorHistoryModel | null> {
    if (!viewer || !can(viewer.role, 'review_posts')) return null;
    return loaders.get(AuthorHistoryLoader).load(user.id);
  }
}
