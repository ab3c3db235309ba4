import { Inject } from '@nestjs/common';
import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentViewer, type RequestContext, SignedIn, type Viewer } from '../common/viewer';
import type { AppConfig } from '../config/config';
import { CONFIG } from '../config/config.provider';
import { clientIp } from '../rate-limits/client-ip';
import { toUserModel, UserModel } from '../users/user.model';
import { UsersService } from '../users/users.service';
import { AuthPayloadModel } from './auth.model';
import { AuthService, type SignedInSession } from './auth.service';
import { LoginInput } from './dto/auth.input';
import { clearSessionCookie, setSessionCookie } from './session-token';

@Resolver()
export class AuthResolver {
  constructor(
    private readonly auth: AuthService,
    private readonly users: UsersService,
    @Inject(CONFIG) private readonly config: AppConfig,
  ) {}

  @Mutation(() => AuthPayloadModel)
  async login(@Args('input') input: LoginInput, @Context() context: RequestContext): Promise<AuthPayloadModel> {
    const session = await this.auth.login(input.email, input.password, clientIp(context.req), context.req.headers['user-agent']);
    return this.signedIn(session, context);
  }

  @Mutation(() => Boolean, { description: 'Ends this session (cookie or bearer token).' })
  @SignedIn()
  async logout(@CurrentViewer() viewer: Viewer, @Context() context: RequestContext): Promise<boolean> {
    await this.auth.logout(viewer);
    clearSessionCookie(context.res, this.secureCookies);
    return true;
  }

  @Query(() => UserModel, { nullable: true, description: 'The signed-in user, or null.' })
  async me(@CurrentViewer() viewer: Viewer | null): Promise<UserModel | null> {
    return viewer ? toUserModel(await this.users.findById(viewer.id), viewer) : null;
  }

  private get secureCookies(): boolean {
    return this.config.nodeEnv === 'production';
  }

  private signedIn(session: SignedInSession, context: RequestContext): AuthPayloadModel {
    setSessionCookie(context.res, session.token, session.expiresAt, this.secureCookies);
    const viewer = { ...session.user, sessionTokenHash: '' };
    return { token: session.token, expiresAt: session.expiresAt, user: toUserModel(session.user, viewer) };
  }
}
