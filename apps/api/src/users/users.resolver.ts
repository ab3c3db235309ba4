import { Inject } from '@nestjs/common';
import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { standingOf } from '@peerdesk/domain';
import { AuditService } from '../audit/audit.service';
import { AuditLogEntryModel, toAuditLogEntryModel } from '../audit/audit-log.model';
import { CLOCK, type Clock } from '../common/clock';
import { type Connection, mapNodes } from '../common/pagination';
import { CurrentViewer, Requires, type Viewer } from '../common/viewer';
import { SetUserAffiliationArgs, SetUserRoleArgs } from './dto/set-user-role.input';
import { LiftRestraintArgs, RestrainUserArgs, UsersArgs } from './dto/users.input';
import { ReputationChangeConnection, type ReputationChangeModel, RestrictionModel, toReputationChangeModel, toUserModel, UserConnection, UserModel } from './user.model';
import { UsersService } from './users.service';

@Resolver(() => UserModel)
export class UsersResolver {
  constructor(
    private readonly service: UsersService,
    private readonly audit: AuditService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Query(() => UserConnection, {
    description: 'Moderators and admins: find users by part of a name or e-mail address, by role, trust level and standing; by name. Deleted accounts only with includeDeleted.',
  })
  @Requires('manage_users')
  async users(@Args() args: UsersArgs, @CurrentViewer() viewer: Viewer): Promise<Connection<UserModel>> {
    return mapNodes(await this.service.search(args), (user) => toUserModel(user, viewer));
  }

  @Mutation(() => UserModel, {
    description: 'Moderators and admins: the member may read and sign in but not post, vote or flag until `until`, and is told why. '
      + 'A moderator suspends members only; an admin anyone but an admin; nobody themself. Audited (USER_SUSPENDED).',
  })
  @Requires('manage_users')
  async suspendUser(@Args() { userId, until, reason }: RestrainUserArgs, @CurrentViewer() viewer: Viewer): Promise<UserModel> {
    return toUserModel(await this.service.suspend(viewer, userId, { until, reason }), viewer);
  }

  @Mutation(() => UserModel, { description: 'Ends a suspension early. Audited (USER_UNSUSPENDED).' })
  @Requires('manage_users')
  async unsuspendUser(@Args() { userId, reason }: LiftRestraintArgs, @CurrentViewer() viewer: Viewer): Promise<UserModel> {
    return toUserModel(await this.service.unsuspend(viewer, userId, reason ?? null), viewer);
  }

  @Mutation(() => UserModel, {
    description: "Moderators and admins: the member's posts wait for a moderator until `until`. Same rule as suspendUser for whom. Audited (USER_SILENCED).",
  })
  @Requires('manage_users')
  async silenceUser(@Args() { userId, until, reason }: RestrainUserArgs, @CurrentViewer() viewer: Viewer): Promise<UserModel> {
    return toUserModel(await this.service.silence(viewer, userId, { until, reason }), viewer);
  }

  @Mutation(() => UserModel, { description: 'Ends a silence early. Audited (USER_UNSILENCED).' })
  @Requires('manage_users')
  async unsilenceUser(@Args() { userId, reason }: LiftRestraintArgs, @CurrentViewer() viewer: Viewer): Promise<UserModel> {
    return toUserModel(await this.service.unsilence(viewer, userId, reason ?? null), viewer);
  }

  @ResolveField(() => RestrictionModel, {
    nullable: true,
    description: 'The suspension in force, with its end and reason: for the user themself, moderators and admins (null for others, and when there is none).',
  })
  suspension(@Parent() user: UserModel): RestrictionModel | null {
    return user.restrictions ? standingOf(user.restrictions, this.clock.now()).suspension : null;
  }

  @ResolveField(() => RestrictionModel, {
    nullable: true,
    description: 'The silence in force (their posts wait for a moderator): for the user themself, moderators and admins.',
  })
  silence(@Parent() user: UserModel): RestrictionModel | null {
    return user.restrictions ? standingOf(user.restrictions, this.clock.now()).silence : null;
  }

  @Query(() => UserModel, { description: 'A member profile.' })
  async user(@Args('id', { type: () => ID }) id: string, @CurrentViewer() viewer: Viewer | null): Promise<UserModel> {
    return toUserModel(await this.service.findById(id), viewer);
  }

  @ResolveField(() => ReputationChangeConnection, {
    description: 'Every change of the member\'s reputation, newest first, each with why: public, as on Stack Overflow (the points come from public votes and acceptances).',
  })
  async reputationHistory(
    @Parent() user: UserModel,
    @Args('first', { type: () => Int, defaultValue: 20 }) first: number,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
  ): Promise<Connection<ReputationChangeModel>> {
    return mapNodes(await this.service.reputationHistory(user.id, first, after), toReputationChangeModel);
  }

  @Query(() => [UserModel], { description: 'The members of staff an escalation can be assigned to, by name; for those who see the staff queue.' })
  @Requires('view_staff_queue')
  async staffMembers(@CurrentViewer() viewer: Viewer): Promise<UserModel[]> {
    return (await this.service.assignableStaff()).map((user) => toUserModel(user, viewer));
  }

  @Mutation(() => UserModel, { description: 'Admin only; recorded in the audit log. Staff, managers and admins become employees.' })
  @Requires('set_user_role')
  async setUserRole(@Args() { userId, role }: SetUserRoleArgs, @CurrentViewer() viewer: Viewer): Promise<UserModel> {
    return toUserModel(await this.service.setRole(viewer, userId, role), viewer);
  }

  @Mutation(() => UserModel, { description: 'Admin only; recorded in the audit log. Only moderators may be either.' })
  @Requires('set_user_affiliation')
  async setUserAffiliation(@Args() { userId, affiliation }: SetUserAffiliationArgs, @CurrentViewer() viewer: Viewer): Promise<UserModel> {
    return toUserModel(await this.service.setAffiliation(viewer, userId, affiliation), viewer);
  }

  @Query(() => [AuditLogEntryModel], { description: 'Privileged changes to one user, oldest first (moderators and admins). The same entries as auditLog(filter: { targetType: USER, targetId }), in the other order and unpaged.' })
  @Requires('view_audit_log')
  async userAuditLog(@Args('userId', { type: () => ID }) userId: string): Promise<AuditLogEntryModel[]> {
    return (await this.audit.forTarget('USER', userId)).map(toAuditLogEntryModel);
  }
}
