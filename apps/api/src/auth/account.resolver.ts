import { Inject } from '@nestjs/common';
import { Args, Context, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentViewer, type RequestContext, SignedIn, type Viewer } from '../common/viewer';
import type { AppConfig } from '../config/config';
import { CONFIG } from '../config/config.provider';
import { RateLimit } from '../rate-limits/rate-limit.guard';
import { toUserModel, UserModel } from '../users/user.model';
import { AccountService } from './account.service';
import { AuthPayloadModel } from './auth.model';
import { RequestEmailChangeInput } from './dto/account.input';
import { RegisterInput } from './dto/auth.input';
import { SessionModel, toSessionModel } from './session.model';
import { clearSessionCookie, setSessionCookie } from './session-token';

@Resolver()
export class AccountResolver {
  constructor(
    private readonly account: AccountService,
    @Inject(CONFIG) private readonly config: AppConfig,
  ) {}

  @Mutation(() => Boolean, {
    description:
      'Always true, the same for a new and a taken address: a new address is sent a link that creates the account (`confirmRegistration`); the owner of a taken one is told someone tried.',
  })
  @RateLimit('register')
  async register(@Args('input') input: RegisterInput): Promise<boolean> {
    await this.account.register(input);
    return true;
  }

  @Mutation(() => AuthPayloadModel, { description: 'The e-mailed registration link: creates the account and signs it in. Single-use, 24 hours.' })
  async confirmRegistration(@Args('token') token: string, @Context() context: RequestContext): Promise<AuthPayloadModel> {
    const session = await this.account.confirmRegistration(token, context.req.headers['user-agent']);
    setSessionCookie(context.res, session.token, session.expiresAt, this.secureCookies);
    const viewer = { ...session.user, sessionTokenHash: '' };
    return { token: session.token, expiresAt: session.expiresAt, user: toUserModel(session.user, viewer) };
  }

  @Mutation(() => Boolean, { description: 'Always true: an address with an account is sent a reset link (single-use, 1 hour); others nothing.' })
  @RateLimit('account-mail')
  async requestPasswordReset(@Args('email') email: string): Promise<boolean> {
    await this.account.requestPasswordReset(email);
    return true;
  }

  @Mutation(() => Boolean, { description: 'Sets a new password from the e-mailed link and ends every session of the account.' })
  async resetPassword(
    @Args('token', { description: 'The token from the e-mailed link.' }) token: string,
    @Args('password', { description: 'At least 10 characters; not a common password, nor one containing the e-mail address.' }) password: string,
  ): Promise<boolean> {
    await this.account.resetPassword(token, password);
    return true;
  }

  @Mutation(() => Boolean, { description: "Ends the viewer's other sessions; this one stays signed in." })
  @SignedIn()
  async changePassword(
    @Args('current', { description: 'The password in use now.' }) current: string,
    @Args('password', { description: 'The new one: at least 10 characters; not a common password, nor one containing the e-mail address.' }) password: string,
    @CurrentViewer() viewer: Viewer,
  ): Promise<boolean> {
    await this.account.changePassword(viewer, current, password);
    return true;
  }

  @Mutation(() => Boolean, { description: 'Sends a confirmation link to the new address and a notice to the current one; the address changes on `confirmEmailChange`.' })
  @SignedIn()
  @RateLimit('account-mail')
  async requestEmailChange(@Args('input') input: RequestEmailChangeInput, @CurrentViewer() viewer: Viewer): Promise<boolean> {
    await this.account.requestEmailChange(viewer, input.newEmail, input.currentPassword);
    return true;
  }

  @Mutation(() => Boolean, { description: 'The link sent to the new address. Single-use, 24 hours.' })
  async confirmEmailChange(@Args('token') token: string): Promise<boolean> {
    await this.account.confirmEmailChange(token);
    return true;
  }

  @Mutation(() => UserModel, { description: "Not a staff member's name nor a reserved one; stored NFKC-normalized." })
  @SignedIn()
  async changeDisplayName(@Args('displayName') displayName: string, @CurrentViewer() viewer: Viewer): Promise<UserModel> {
    return toUserModel(await this.account.changeDisplayName(viewer, displayName), viewer);
  }

  @Mutation(() => UserModel, { description: 'The IANA zone (e.g. "Europe/Dublin") the web shows your times in; null or blank: each page\'s default (a category\'s calendar zone, else UTC).' })
  @SignedIn()
  async setTimeZone(@Args('timeZone', { type: () => String, nullable: true }) timeZone: string | null, @CurrentViewer() viewer: Viewer): Promise<UserModel> {
    return toUserModel(await this.account.setTimeZone(viewer, timeZone ?? null), viewer);
  }

  @Query(() => [SessionModel], { description: "The viewer's live sessions, most recently used first." })
  @SignedIn()
  async sessions(@CurrentViewer() viewer: Viewer): Promise<SessionModel[]> {
    return (await this.account.sessionsOf(viewer)).map((row) => toSessionModel(row, viewer));
  }

  @Mutation(() => Boolean, { description: "Ends one of the viewer's sessions (NOT_FOUND for anyone else's)." })
  @SignedIn()
  async signOutSession(@Args('id', { type: () => ID }) id: string, @CurrentViewer() viewer: Viewer): Promise<boolean> {
    await this.account.signOutSession(viewer, id);
    return true;
  }

  @Mutation(() => Boolean, { description: "Ends every session of the viewer's, this one included." })
  @SignedIn()
  async signOutEverywhere(@CurrentViewer() viewer: Viewer, @Context() context: RequestContext): Promise<boolean> {
    await this.account.signOutEverywhere(viewer);
    clearSessionCookie(context.res, this.secureCookies);
    return true;
  }

  private get secureCookies(): boolean {
    return this.config.nodeEnv === 'production';
  }
}
