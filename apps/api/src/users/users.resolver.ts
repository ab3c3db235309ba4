import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { AuditService } from '../audit/audit.service';
import { AuditLogEntryModel, toAuditLogEntryModel } from '../audit/audit-log.model';
import { CurrentViewer, Requires, type Viewer } from '../common/viewer';
import { SetUserAffiliationArgs, SetUserRoleArgs } from './dto/set-user-role.input';
import { toUserModel, UserModel } from './user.model';
import { UsersService } from './users.service';

@Resolver(() => UserModel)
export class UsersResolver {
  constructor(
    private readonly users: UsersService,
    private readonly audit: AuditService,
  ) {}

  @Query(() => UserModel, { description: 'A member profile.' })
  async user(@Args('id', { type: () => ID }) id: string, @CurrentViewer() viewer: Viewer | null): Promise<UserModel> {
    return toUserModel(await this.users.findById(id), viewer);
  }

  @Query(() => [UserModel], { description: 'The members of staff an escalation can be assigned to, by name; for those who see the staff queue.' })
  @Requires('view_staff_queue')
  async staffMembers(@CurrentViewer() viewer: Viewer): Promise<UserModel[]> {
    return (await this.users.assignableStaff()).map((user) => toUserModel(user, viewer));
  }

  @Mutation(() => UserModel, { description: 'Admin only; recorded in the audit log. Staff, managers and admins become employees.' })
  @Requires('set_user_role')
  async setUserRole(@Args() { userId, role }: SetUserRoleArgs, @CurrentViewer() viewer: Viewer): Promise<UserModel> {
    return toUserModel(await this.users.setRole(viewer, userId, role), viewer);
  }

  @Mutation(() => UserModel, { description: 'Admin only; recorded in the audit log. Only moderators may be either.' })
  @Requires('set_user_affiliation')
  async setUserAffiliation(@Args() { userId, affiliation }: SetUserAffiliationArgs, @CurrentViewer() viewer: Viewer): Promise<UserModel> {
    return toUserModel(await this.users.setAffiliation(viewer, userId, affiliation), viewer);
  }

  @Query(() => [AuditLogEntryModel], { description: 'Privileged changes to one user, oldest first (moderators and admins). The same entries as auditLog(filter: { targetType: USER, targetId }), in the other order and unpaged.' })
  @Requires('view_audit_log')
  async userAuditLog(@Args('userId', { type: () => ID }) userId: string): Promise<AuditLogEntryModel[]> {
    return (await this.audit.forTarget('USER', userId)).map(toAuditLogEntryModel);
  }
}
