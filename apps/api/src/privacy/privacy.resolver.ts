import { Inject } from '@nestjs/common';
import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import { clearSessionCookie } from '../auth/session-token';
import { GraphQLJSONObject } from '../common/json.scalar';
import { CurrentViewer, type RequestContext, SignedIn, type Viewer } from '../common/viewer';
import type { AppConfig } from '../config/config';
import { CONFIG } from '../config/config.provider';
import { PrivacyService } from './privacy.service';

@Resolver()
export class PrivacyResolver {
  constructor(
    private readonly privacy: PrivacyService,
    @Inject(CONFIG) private readonly config: AppConfig,
  ) {}

  @Query(() => GraphQLJSONObject, {
    description:
      'Everything stored about the signed-in member, as JSON: profile, questions, answers, comments, the private messages they wrote, edits, votes, watches, notifications and sessions.',
  })
  @SignedIn()
  exportMyData(@CurrentViewer() viewer: Viewer): Promise<Record<string, unknown>> {
    return this.privacy.exportData(viewer);
  }

  @Mutation(() => Boolean, {
    description:
      'Deletes the signed-in account after checking its password: personal data is erased and every session ends; posts stay, shown as "Deleted member", and no report figure changes.',
  })
  @SignedIn()
  async deleteMyAccount(@Args('password') password: string, @CurrentViewer() viewer: Viewer, @Context() context: RequestContext): Promise<boolean> {
    await this.privacy.deleteAccount(viewer, password);
    clearSessionCookie(context.res, this.config.nodeEnv === 'production');
    return true;
  }
}
