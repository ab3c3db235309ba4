import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { FlagTargetType, ReviewAction } from '@peerdesk/domain';
import { type Connection, mapNodes } from '../common/pagination';
import { CurrentViewer, type RequestContext, Requires, type Viewer } from '../common/viewer';
import { QuestionModel, toQuestionModel } from '../questions/question.model';
import { QuestionLoader } from '../questions/questions.loaders';
import { toUserModel, UserModel } from '../users/user.model';
import { UserLoader } from '../users/users.loaders';
import { FlagInput, ReviewQueueArgs } from './dto/review.input';
import { AuthorHistoryLoader, ItemFlagsLoader, PostTextLoader } from './review.loaders';
import {
  AuthorHistoryModel, FlagModel, FlagTargetTypeEnum, ModeratedPostModel, ReviewActionEnum, ReviewItemConnection, ReviewItemModel, toFlagModel, toReviewItemModel,
} from './review.model';
import { ReviewService } from './review.service';
import { RateLimit } from '../rate-limits/rate-limit.guard';

@Resolver(() => ReviewItemModel)
export class ReviewResolver {
  constructor(private readonly service: ReviewService) {}

  @Mutation(() => FlagModel, { description: 'Flag a post you can see, not your own, once. Enough weight of flags hides it pending review.' })
  @Requires('flag_post')
  @RateLimit('flag')
  async flag(@Args('input') input: FlagInput, @CurrentViewer() viewer: Viewer): Promise<FlagModel> {
    return toFlagModel(await this.service.flag(viewer, input));
  }

  @Query(() => ReviewItemConnection, { description: 'Flagged and held posts, the longest waiting first (default: open ones).' })
  @Requires('review_posts')
  async reviewQueue(@Args() args: ReviewQueueArgs): Promise<Connection<ReviewItemModel>> {
    return mapNodes(await this.service.queue(args.filter ?? {}, args.first, args.after ?? null), toReviewItemModel);
  }

  @Mutation(() => ReviewItemModel, { description: 'Decide an open review item; the note is the reason the author and the audit log read (required but for APPROVE).' })
  @Requires('review_posts')
  async resolveReview(
    @Args('id', { type: () => ID }) id: string,
    @Args('action', { type: () => ReviewActionEnum }) action: ReviewAction,
    @Args('note', { type: () => String, nullable: true }) note: string | null,
    @CurrentViewer() viewer: Viewer,
  ): Promise<ReviewItemModel> {
    return toReviewItemModel(await this.service.resolve(viewer, id, action, note));
  }

  @Mutation(() => ReviewItemModel, { description: "The author of a post a moderator kept hidden asks, once, for a second look: the item is open again." })
  @Requires('flag_post')
  async requestSecondLook(@Args('id', { type: () => ID }) id: string, @CurrentViewer() viewer: Viewer): Promise<ReviewItemModel> {
    return toReviewItemModel(await this.service.requestSecondLook(viewer, id));
  }

  @Mutation(() => ModeratedPostModel, { description: 'Hide a post by hand, with a reason for its author and the audit log; an open review item about it is decided with it.' })
  @Requires('review_posts')
  hidePost(
    @Args('targetType', { type: () => FlagTargetTypeEnum }) targetType: FlagTargetType,
    @Args('id', { type: () => ID }) id: string,
    @Args('reason', { type: () => String }) reason: string,
    @CurrentViewer() viewer: Viewer,
  ): Promise<ModeratedPostModel> {
    return this.service.hidePost(viewer, { targetType, targetId: id }, reason);
  }

  @Mutation(() => ModeratedPostModel, { description: 'Show a hidden or held post again; an open review item about it is decided as approved.' })
  @Requires('review_posts')
  restorePost(
    @Args('targetType', { type: () => FlagTargetTypeEnum }) targetType: FlagTargetType,
    @Args('id', { type: () => ID }) id: string,
    @CurrentViewer() viewer: Viewer,
  ): Promise<ModeratedPostModel> {
    return this.service.restorePost(viewer, { targetType, targetId: id });
  }

  @ResolveField(() => QuestionModel, { description: 'The thread the post belongs to (the post itself for a question).' })
  async question(@Parent() item: ReviewItemModel, @Context() { loaders }: RequestContext): Promise<QuestionModel> {
    return toQuestionModel((await loaders.get(QuestionLoader).load(item.questionId))!);
  }

  @ResolveField(() => String, { description: "The post's text as sanitized HTML." })
  async bodyHtml(@Parent() item: ReviewItemModel, @Context() { loaders }: RequestContext): Promise<string> {
    return (await loaders.get(PostTextLoader).load(item))?.bodyHtml ?? '';
  }

  @ResolveField(() => UserModel, { nullable: true })
  async author(@Parent() item: ReviewItemModel, @Context() { loaders, viewer }: RequestContext): Promise<UserModel | null> {
    const user = item.authorId ? await loaders.get(UserLoader).load(item.authorId) : null;
    return user ? toUserModel(user, viewer) : null;
  }

  @ResolveField(() => AuthorHistoryModel, { nullable: true })
  async authorHistory(@Parent() item: ReviewItemModel, @Context() { loaders }: RequestContext): Promise<AuthorHistoryModel | null> {
    return item.authorId ? loaders.get(AuthorHistoryLoader).load(item.authorId) : null;
  }

  @ResolveField(() => [FlagModel])
  async flags(@Parent() item: ReviewItemModel, @Context() { loaders }: RequestContext): Promise<FlagModel[]> {
    return (await loaders.get(ItemFlagsLoader).load(item.id)).map(toFlagModel);
  }

  @ResolveField(() => UserModel, { nullable: true })
  async decidedBy(@Parent() item: ReviewItemModel, @Context() { loaders, viewer }: RequestContext): Promise<UserModel | null> {
    const user = item.decidedBy ? await loaders.get(UserLoader).load(item.decidedBy) : null;
    return user ? toUserModel(user, viewer) : null;
  }
}

@Resolver(() => FlagModel)
export class FlagResolver {
  @ResolveField(() => UserModel, { nullable: true, description: 'Who flagged it (the flagger themself, or a moderator reading the queue).' })
  async flagger(@Parent() flag: FlagModel, @Context() { loaders, viewer }: RequestContext): Promise<UserModel | null> {
    const user = flag.flaggerId ? await loaders.get(UserLoader).load(flag.flaggerId) : null;
    return user ? toUserModel(user, viewer) : null;
  }
}
