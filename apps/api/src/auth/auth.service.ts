import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { Request } from 'express';
import { DataSource, type EntityManager } from 'typeorm';
import { normalizeEmail, unauthenticated } from '@peerdesk/domain';
import { CLOCK, type Clock } from '../common/clock';
import type { Viewer } from '../common/viewer';
import type { AppConfig } from '../config/config';
import { CONFIG } from '../config/config.provider';
import { RateLimitsService } from '../rate-limits/rate-limits.service';
import { TrustLevelsService } from '../trust/trust-levels.service';
import { visitDay } from '../trust/trust.repository';
import type { UserEntity } from '../users/user.entity';
import { UsersService } from '../users/users.service';
import { Passwords } from './passwords';
import { hashSessionToken, newSessionToken, sessionTokenFrom } from './session-token';
import { SessionsRepository } from './sessions.repository';

export interface SignedInSession {
  token: string;
  expiresAt: Date;
  user: UserEntity;
}

@Injectable()
export class AuthService implements OnModuleInit {
  constructor(
    private readonly db: DataSource,
    private readonly users: UsersService,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(CONFIG) private readonly config: AppConfig,
    private readonly sessions: SessionsRepository,
    private readonly rateLimits: RateLimitsService,
    private readonly trust: TrustLevelsService,
    private readonly passwords: Passwords,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.passwords.prepareDecoy();
  }

  /**
   * `ip` is the client's address (rate-limits/client-ip): sign-in failures are throttled per address and
   * per IP. `userAgent` names the browser in the viewer's list of sessions.
   */
  async login(emailInput: string, password: string, ip: string, userAgent: string | undefined): Promise<SignedInSession> {
    const email = normalizeEmail(emailInput);
    // Counted as a failure before the password is checked, so concurrent guesses cannot all slip under the limit.
    const attempt = await this.rateLimits.signIn(email, ip);
    const user = await this.users.findByEmail(this.db.manager, email);
    // Verified before looking at `user`: an unknown address checks the decoy hash, so it takes as long.
    const passwordMatches = await this.passwords.verify(user?.passwordHash, password);
    if (!user || !passwordMatches) {
      throw unauthenticated('That e-mail address and password do not match an account.');
    }
    await attempt.succeeded();
    return this.openSession(this.db.manager, user, userAgent);
  }

  async logout(viewer: Viewer): Promise<void> {
    await this.sessions.end(viewer.sessionTokenHash);
  }

  /** The viewer for a request, from its session cookie or bearer token; null when absent or expired. */
  async viewerFromRequest(req: Request): Promise<Viewer | null> {
    const token = sessionTokenFrom(req);
    if (!token) return null;
    const tokenHash = hashSessionToken(token);
    const now = this.clock.now();
    const found = await this.sessions.viewerOf(tokenHash, now);
    if (!found) return null;
    const { lastUsedAt, ...user } = found;
    // A session's first use on a new (UTC) day is a day visited, for trust levels: one more statement a day, not per request.
    if (visitDay(lastUsedAt) !== visitDay(now)) await this.trust.recordVisit(null, user.id, now);
    await this.sessions.touch(tokenHash, now);
    return { ...user, sessionTokenHash: tokenHash };
  }

  /** A new session for the user (after sign-in, or finishing a registration in `em`'s transaction). */
  async openSession(em: EntityManager, user: UserEntity, userAgent: string | undefined): Promise<SignedInSession> {
    const token = newSessionToken();
    const now = this.clock.now();
    const expiresAt = new Date(now.getTime() + this.config.sessionTtlDays * 24 * 3600 * 1000);
    await this.sessions.open(em, { userId: user.id, tokenHash: hashSessionToken(token), now, expiresAt, userAgent });
    // Signing in is a visit (later ones are noted on a new day's first use of the session).
    await this.trust.recordVisit(em, user.id, now);
    return { token, expiresAt, user };
  }
}
