import { Args, Context, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { type Connection, mapNodes } from '../common/pagination';
import { type RequestContext, Requires } from '../common/viewer';
import { toUserModel, UserModel } from '../users/user.model';
import { UserLoader } from '../users/users.loaders';
import { AuditLogArgs, AuditLogConnection, AuditLogEntryModel, toAuditLogEntryModel } from './audit-log.model';
import { AuditService } from './audit.service';

@Resolver(() => AuditLogEntryModel)
export class AuditResolver {
  constructor(private readonly audit: AuditService) {}

  @Query(() => AuditLogConnection, {
    description: 'Every moderator and admin action, newest first, filtered by actor, action, target and period. Moderators and admins.',
  })
  @Requires('view_audit_log')
  async auditLog(@Args() { filter, first, after }: AuditLogArgs): Promise<Connection<AuditLogEntryModel>> {
    return mapNodes(await this.audit.page(filter ?? {}, first, after ?? null), toAuditLogEntryModel);
  }

  @ResolveField(() => UserModel, { nullable: true, description: 'Who acted; null for what the system did by itself.' })
  async actor(@Parent() entry: AuditLogEntryModel, @Context() { loaders, viewer }: RequestContext): Promise<UserModel | null> {
    if (!entry.actorId) return null;
    const user = await loaders.get(UserLoader).load(entry.actorId);
    return user ? toUserModel(user, viewer) : null;
  }
}
