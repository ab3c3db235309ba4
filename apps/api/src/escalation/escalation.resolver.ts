import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Inject } from '@nestjs/common';
import { can, staffHelpFor, validationFailed } from '@peerdesk/domain';
import { CategoryLoader } from '../categories/categories.loaders';
import { CLOCK, type Clock } from '../common/clock';
import { checkId } from '../common/ids';
import { checkPageSize, type Connection } from '../common/pagination';
import { CurrentViewer, type RequestContext, Requires, SignedIn, type Viewer } from '../common/viewer';
import { QuestionModel } from '../questions/question.model';
import { toUserModel, UserModel } from '../users/user.model';
import { UserLoader } from '../users/users.loaders';
import { StaffQueueArgs } from './dto/escalation.input';
import {
  EscalationModel, NeedsInfoModel, StaffHelpModel, StaffQueueConnection, type StaffQueueItemModel, StaffResponseModel, toEscalationModel,
  toStaffQueueItemModel,
} from './escalation.model';
import { CurrentEscalationLoader, SuggestedAssigneeLoader } from './escalation.loaders';
import { type EscalationOfQuestion, EscalationService } from './escalation.service';

@Resolver(() => EscalationModel)
export class EscalationResolver {
  constructor(private readonly service: EscalationService) {}

  @Query(() => StaffQueueConnection, { description: 'Open escalations, soonest deadline first. Staff, moderators, managers, admins.' })
  @Requires('view_staff_queue')
  async staffQueue(@Args() args: StaffQueueArgs, @CurrentViewer() viewer: Viewer): Promise<Connection<StaffQueueItemModel>> {
    if (args.orderBy !== 'DUE_AT') throw validationFailed([{ field: 'orderBy', message: 'The staff queue is ordered by DUE_AT.' }]);
    checkPageSize(args.first);
    const filter = args.filter ?? {};
    if (filter.categoryId) checkId(filter.categoryId, 'category');
    if (filter.assigneeId) checkId(filter.assigneeId, 'user');
    const page = await this.service.staffQueue({ ...filter, teamOf: filter.mine ? viewer.id : undefined }, args.first, args.after ?? null);
    return { ...page, edges: page.edges.map(({ node, cursor }) => ({ node: toStaffQueueItemModel(node, viewer), cursor })) };
  }

  @Mutation(() => EscalationModel, { description: 'Send a question to staff now, with a note saying why.' })
  @Requires('escalate_question')
  async escalateQuestion(
    @Args('questionId', { type: () => ID }) questionId: string,
    @Args('reason') reason: string,
    @CurrentViewer() viewer: Viewer,
  ): Promise<EscalationModel> {
    return this.toModel(await this.service.escalateByHand(viewer, questionId, reason), viewer);
  }

  @Mutation(() => EscalationModel, { description: 'The asker asks for staff help once the peer window has passed unsolved.' })
  @SignedIn()
  async requestStaffHelp(@Args('questionId', { type: () => ID }) questionId: string, @CurrentViewer() viewer: Viewer): Promise<EscalationModel> {
    return this.toModel(await this.service.requestStaffHelp(viewer, questionId), viewer);
  }

  @Mutation(() => EscalationModel)
  @Requires('handle_escalation')
  async claimEscalation(@Args('questionId', { type: () => ID }) questionId: string, @CurrentViewer() viewer: Viewer): Promise<EscalationModel> {
    return this.toModel(await this.service.assign(viewer, questionId, viewer.id), viewer);
  }

  @Mutation(() => EscalationModel)
  @Requires('handle_escalation')
  async assignEscalation(
    @Args('questionId', { type: () => ID }) questionId: string,
    @Args('userId', { type: () => ID }) userId: string,
    @CurrentViewer() viewer: Viewer,
  ): Promise<EscalationModel> {
    return this.toModel(await this.service.assign(viewer, questionId, userId), viewer);
  }

  @Mutation(() => EscalationModel)
  @Requires('handle_escalation')
  async releaseEscalation(@Args('questionId', { type: () => ID }) questionId: string, @CurrentViewer() viewer: Viewer): Promise<EscalationModel> {
    return this.toModel(await this.service.release(viewer, questionId), viewer);
  }

  @Mutation(() => EscalationModel, { description: 'Waiting on the asker: the staff clock pauses until they comment, edit the question or send a private message.' })
  @Requires('mark_needs_info')
  async markNeedsInfo(
    @Args('questionId', { type: () => ID }) questionId: string,
    @Args('note', { type: () => String, description: 'What the asker should tell us; they see it on the question and are notified.' }) note: string,
    @CurrentViewer() viewer: Viewer,
  ): Promise<EscalationModel> {
    return this.toModel(await this.service.markNeedsInfo(viewer, questionId, note), viewer);
  }

  @Mutation(() => EscalationModel, { description: 'De-escalate (e.g. a peer answered meanwhile); the question leaves the staff queue.' })
  @Requires('return_to_community')
  async returnToCommunity(
    @Args('questionId', { type: () => ID }) questionId: string,
    @Args('reason') reason: string,
    @CurrentViewer() viewer: Viewer,
  ): Promise<EscalationModel> {
    return this.toModel(await this.service.returnToCommunity(viewer, questionId, reason), viewer);
  }

  @ResolveField(() => UserModel, {
    nullable: true,
    description: "The member of the category's staff team with the fewest open escalations; null without a team, and for those who do not handle escalations.",
  })
  async suggestedAssignee(@Parent() escalation: EscalationModel, @Context() { loaders, viewer }: RequestContext): Promise<UserModel | null> {
    if (!viewer || !can(viewer.role, 'handle_escalation') || escalation.closedAt) return null;
    const userId = await loaders.get(SuggestedAssigneeLoader).load(escalation.categoryId);
    return userOrNull(loaders, viewer, userId);
  }

  @ResolveField(() => UserModel, { nullable: true })
  async assignee(@Parent() escalation: EscalationModel, @Context() { loaders, viewer }: RequestContext): Promise<UserModel | null> {
    return userOrNull(loaders, viewer, escalation.assigneeId);
  }

  private toModel({ escalation, question }: EscalationOfQuestion, viewer: Viewer): EscalationModel {
    return toEscalationModel(escalation, question, viewer);
  }
}

async function userOrNull(loaders: RequestContext['loaders'], viewer: Viewer | null, userId: string | null): Promise<UserModel | null> {
  const user = userId ? await loaders.get(UserLoader).load(userId) : null;
  return user ? toUserModel(user, viewer) : null;
}

@Resolver(() => NeedsInfoModel)
export class NeedsInfoResolver {
  @ResolveField(() => UserModel, { nullable: true, description: 'The member of staff who asked; null if their account is gone.' })
  askedBy(@Parent() needsInfo: NeedsInfoModel, @Context() { loaders, viewer }: RequestContext): Promise<UserModel | null> {
    return userOrNull(loaders, viewer, needsInfo.askedById);
  }
}

@Resolver(() => StaffResponseModel)
export class StaffResponseResolver {
  @ResolveField(() => UserModel, { nullable: true, description: 'Who responded; null if their account is gone (or responded before this was recorded).' })
  by(@Parent() response: StaffResponseModel, @Context() { loaders, viewer }: RequestContext): Promise<UserModel | null> {
    return userOrNull(loaders, viewer, response.byId);
  }
}

/** The escalation fields of Question: the banner "our team will answer by …" and the asker's "request staff help" read them. */
@Resolver(() => QuestionModel)
export class QuestionEscalationResolver {
  constructor(@Inject(CLOCK) private readonly clock: Clock) {}

  @ResolveField(() => EscalationModel, { nullable: true, description: 'The open escalation, else the latest one; null if never escalated.' })
  async escalation(@Parent() question: QuestionModel, @Context() { loaders, viewer }: RequestContext): Promise<EscalationModel | null> {
    const escalation = await loaders.get(CurrentEscalationLoader).load(question.id);
    return escalation ? toEscalationModel(escalation, question, viewer) : null;
  }

  @ResolveField(() => StaffHelpModel, { nullable: true, description: "Whether the asker may request staff help now; null for everyone but the asker." })
  async staffHelp(@Parent() question: QuestionModel, @Context() { loaders, viewer }: RequestContext): Promise<StaffHelpModel | null> {
    if (!viewer || viewer.id !== question.authorId) return null;
    const [category, escalation] = await Promise.all([
      loaders.get(CategoryLoader).load(question.categoryId),
      loaders.get(CurrentEscalationLoader).load(question.id),
    ]);
    if (!category) return null;
    return staffHelpFor(category, {
      askedAt: question.createdAt, isFirstQuestion: question.isFirstQuestion, hasAcceptedAnswer: question.acceptedAnswerId !== null, isSolved: question.status === 'SOLVED',
      hasOpenEscalation: !!escalation && escalation.closedAt === null, isClosed: question.status === 'CLOSED',
    }, this.clock.now());
  }
}

export const ESCALATION_RESOLVERS = [EscalationResolver, NeedsInfoResolver, StaffResponseResolver, QuestionEscalationResolver];
