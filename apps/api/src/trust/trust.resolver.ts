import { Args, ID, Mutation, Resolver } from '@nestjs/graphql';
import { CurrentViewer, Requires, type Viewer } from '../common/viewer';
import { toUserModel, UserModel } from '../users/user.model';
import { SetTrustLevelArgs } from './dto/set-trust-level.input';
import { TrustLevelsService } from './trust-levels.service';

@Resolver()
export class TrustResolver {
  constructor(private readonly trust: TrustLevelsService) {}

  @Mutation(() => UserModel, {
    description: 'Moderators and admins: sets a member\'s trust level by hand and locks it (automatic promotion leaves it alone); recorded in the audit log with the reason.',
  })
  @Requires('set_trust_level')
  async setTrustLevel(@Args() { userId, level, reason }: SetTrustLevelArgs, @CurrentViewer() viewer: Viewer): Promise<UserModel> {
    return toUserModel(await this.trust.setTrustLevel(viewer, userId, level, reason), viewer);
  }

  @Mutation(() => UserModel, { description: 'Moderators and admins: hands a locked trust level back to automatic promotion; recorded in the audit log.' })
  @Requires('set_trust_level')
  async unlockTrustLevel(@Args('userId', { type: () => ID }) userId: string, @CurrentViewer() viewer: Viewer): Promise<UserModel> {
    return toUserModel(await this.trust.unlockTrustLevel(viewer, userId), viewer);
  }
}
