import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import {
  assertValid,
  canonicalTimeZone,
  checkTimeZone,
  checkDisplayName,
  checkEmail,
  checkNewPassword,
  normalizeDisplayName,
  normalizeEmail,
  notFound,
  validateRegistration,
  validationFailed,
} from '@peerdesk/domain';
import { CLOCK, type Clock } from '../common/clock';
import { checkId } from '../common/ids';
import type { Viewer } from '../common/viewer';
import type { AppConfig } from '../config/config';
import { CONFIG } from '../config/config.provider';
import { Transactions } from '../database/transactions';
import { EmailOutbox } from '../notifications/email-outbox';
import type { UserEntity } from '../users/user.entity';
import { UsersService } from '../users/users.service';
import {
  type AccountMail,
  alreadyRegisteredMail,
  emailChangeMail,
  emailChangeRequestedMail,
  emailTakenMail,
  passwordChangedMail,
  passwordResetMail,
  registrationMail,
} from './account-mails';
import { type AccountTokenPurpose, AccountTokensRepository } from './account-tokens.repository';
import { AuthService, type SignedInSession } from './auth.service';
import type { RegisterInput } from './dto/auth.input';
import { Passwords } from './passwords';
import { hashSessionToken, newSessionToken } from './session-token';
import { type SessionRow, SessionsRepository } from './sessions.repository';

const REGISTRATION_HOURS = 24;
const PASSWORD_RESET_MINUTES = 60;
const EMAIL_CHANGE_HOURS = 24;
const HOUR_MS = 3600 * 1000;

const LINK_USED_OR_EXPIRED = 'This link has expired or was already used. Ask for a new one.';
const WRONG_CURRENT_PASSWORD = 'That is not your current password.';

/**
 * Registration, recovery and the viewer's own account: every step that proves an address goes by an
 * e-mailed single-use token, and no answer tells a client whether an address has an account.
 */
@Injectable()
export class AccountService {
  constructor(
    private readonly db: DataSource,
    private readonly transactions: Transactions,
    private readonly users: UsersService,
    private readonly auth: AuthService,
    private readonly tokens: AccountTokensRepository,
    private readonly sessions: SessionsRepository,
    private readonly outbox: EmailOutbox,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(CONFIG) private readonly config: AppConfig,
    private readonly passwords: Passwords,
  ) {}

  /**
   * Answers the same for a new and a taken address, after the same work (the password is hashed either
   * way): a new address gets a link that creates the account, a taken one a note to its owner. Without
   * REQUIRE_EMAIL_VERIFICATION the account is made at once instead of the link (a taken address still gets its note).
   */
  async register(input: RegisterInput): Promise<void> {
    const email = normalizeEmail(input.email);
    const displayName = normalizeDisplayName(input.displayName);
    assertValid(validateRegistration({ email, displayName, password: input.password }, { protectedNames: await this.users.protectedNames() }));
    const passwordHash = await this.passwords.hash(input.password);
    const now = this.clock.now();
    await this.transactions.run(async (em) => {
      const owner = await this.users.findByEmail(em, email);
      if (owner) {
        await this.mail(em, owner.id, email, alreadyRegisteredMail(this.config, owner.displayName), now);
        return;
      }
      if (!this.config.requireEmailVerification) {
        await this.createMember(em, { email, displayName, passwordHash });
        return;
      }
      const token = await this.newToken(em, 'REGISTRATION', { userId: null, email, displayName, passwordHash }, now, REGISTRATION_HOURS * HOUR_MS);
      await this.mail(em, null, email, registrationMail(this.config, displayName, token, REGISTRATION_HOURS), now);
    });
  }

  /** The registration link: makes the account and signs it in (`userAgent` names the browser in its sessions). */
  async confirmRegistration(token: string, userAgent: string | undefined): Promise<SignedInSession> {
    return this.transactions.run(async (em) => {
      const pending = await this.consume(em, 'REGISTRATION', token);
      const user = await this.createMember(em, { email: pending.email!, displayName: pending.displayName!, passwordHash: pending.passwordHash! });
      return this.auth.openSession(em, user, userAgent);
    });
  }

  private createMember(em: EntityManager, account: { email: string; displayName: string; passwordHash: string }): Promise<UserEntity> {
    return this.users.create(em, { ...account, role: 'MEMBER', affiliation: 'COMMUNITY' });
  }

  /** Always succeeds: an address with an account gets a link, any other nothing. */
  async requestPasswordReset(emailInput: string): Promise<void> {
    assertValid(checkEmail(emailInput));
    const email = normalizeEmail(emailInput);
    const now = this.clock.now();
    await this.transactions.run(async (em) => {
      const user = await this.users.findByEmail(em, email);
      if (!user) return;
      const token = await this.newToken(em, 'PASSWORD_RESET', { userId: user.id, email: null, displayName: null, passwordHash: null }, now, PASSWORD_RESET_MINUTES * 60 * 1000);
      await this.mail(em, user.id, email, passwordResetMail(this.config, user.displayName, token, PASSWORD_RESET_MINUTES), now);
    });
  }

  /** The reset link: sets the password and ends every session of the account. */
  async resetPassword(token: string, password: string): Promise<void> {
    await this.transactions.run(async (em) => {
      const reset = await this.consume(em, 'PASSWORD_RESET', token);
      const user = await this.users.findById(reset.userId!);
      assertValid(checkNewPassword(password, user.email));
      await this.setPassword(em, user, password, null);
    });
  }

  /** Ends the viewer's other sessions: whoever else was signed in with the old password is out. */
  async changePassword(viewer: Viewer, currentPassword: string, newPassword: string): Promise<void> {
    const user = await this.users.findWithPasswordHash(viewer.id);
    // Named as the mutation's arguments: changePassword(current, password).
    const fields = [
      ...((await this.passwords.verify(user.passwordHash, currentPassword)) ? [] : [{ field: 'current', message: WRONG_CURRENT_PASSWORD }]),
      ...checkNewPassword(newPassword, user.email, 'password'),
    ];
    assertValid(fields);
    await this.transactions.run((em) => this.setPassword(em, user, newPassword, viewer.sessionTokenHash));
  }

  /**
   * Needs the current password. The new address gets a confirmation link (or, when it already has an
   * account, a note saying so, and the answer is the same); the current address is told at once.
   */
  async requestEmailChange(viewer: Viewer, newEmailInput: string, currentPassword: string): Promise<void> {
    const user = await this.users.findWithPasswordHash(viewer.id);
    const newEmail = normalizeEmail(newEmailInput);
    const fields = [
      ...((await this.passwords.verify(user.passwordHash, currentPassword)) ? [] : [{ field: 'currentPassword', message: WRONG_CURRENT_PASSWORD }]),
      ...checkEmail(newEmailInput, 'newEmail'),
    ];
    if (fields.length === 0 && newEmail === user.email) fields.push({ field: 'newEmail', message: 'This is already your address.' });
    assertValid(fields);
    const now = this.clock.now();
    await this.transactions.run(async (em) => {
      const owner = await this.users.findByEmail(em, newEmail);
      if (owner) {
        await this.mail(em, owner.id, newEmail, emailTakenMail(this.config), now);
      } else {
        const token = await this.newToken(em, 'EMAIL_CHANGE', { userId: user.id, email: newEmail, displayName: null, passwordHash: null }, now, EMAIL_CHANGE_HOURS * HOUR_MS);
        await this.mail(em, user.id, newEmail, emailChangeMail(this.config, user.displayName, token, EMAIL_CHANGE_HOURS), now);
      }
      if (user.email) await this.mail(em, user.id, user.email, emailChangeRequestedMail(this.config, user.displayName, newEmail), now);
    });
  }

  /** The link sent to the new address: the account moves there; reset links sent to the old one stop working. */
  async confirmEmailChange(token: string): Promise<void> {
    const now = this.clock.now();
    await this.transactions.run(async (em) => {
      const change = await this.consume(em, 'EMAIL_CHANGE', token);
      await this.users.setEmail(em, change.userId!, change.email!, now);
      await this.tokens.revokeFor(em, change.userId!, ['EMAIL_CHANGE', 'PASSWORD_RESET'], now);
    });
  }

  async changeDisplayName(viewer: Viewer, displayNameInput: string): Promise<UserEntity> {
    const displayName = normalizeDisplayName(displayNameInput);
    assertValid(checkDisplayName(displayName, { protectedNames: await this.users.protectedNames(viewer.id) }));
    return this.users.setDisplayName(viewer.id, displayName);
  }

  /** The zone the web shows the member's times in; blank or null goes back to the page's default. */
  async setTimeZone(viewer: Viewer, timeZoneInput: string | null): Promise<UserEntity> {
    const typed = timeZoneInput?.trim() || null;
    if (typed === null) return this.users.setTimeZone(viewer.id, null);
    assertValid(checkTimeZone(typed, 'timeZone'));
    return this.users.setTimeZone(viewer.id, canonicalTimeZone(typed));
  }

  sessionsOf(viewer: Viewer): Promise<SessionRow[]> {
    return this.sessions.liveFor(viewer.id, this.clock.now());
  }

  /** Another user's session is NOT_FOUND, exactly like one that does not exist. */
  async signOutSession(viewer: Viewer, sessionId: string): Promise<void> {
    if (!(await this.sessions.endOne(viewer.id, checkId(sessionId, 'session')))) throw notFound(`You have no session ${sessionId}.`);
  }

  async signOutEverywhere(viewer: Viewer): Promise<void> {
    await this.sessions.endAll(this.db.manager, viewer.id);
  }

  private async setPassword(em: EntityManager, user: UserEntity, password: string, keepSessionHash: string | null): Promise<void> {
    const now = this.clock.now();
    await this.users.setPasswordHash(em, user.id, await this.passwords.hash(password), now);
    await this.sessions.endAll(em, user.id, keepSessionHash);
    await this.tokens.revokeFor(em, user.id, ['PASSWORD_RESET'], now);
    if (user.email) await this.mail(em, user.id, user.email, passwordChangedMail(this.config, user.displayName), now);
  }

  private async newToken(
    em: EntityManager,
    purpose: AccountTokenPurpose,
    fields: { userId: string | null; email: string | null; displayName: string | null; passwordHash: string | null },
    now: Date,
    validMs: number,
  ): Promise<string> {
    const token = newSessionToken();
    await this.tokens.insert(em, { purpose, tokenHash: hashSessionToken(token), ...fields, createdAt: now, expiresAt: new Date(now.getTime() + validMs) });
    return token;
  }

  private async consume(em: EntityManager, purpose: AccountTokenPurpose, token: string) {
    const found = token ? await this.tokens.consume(em, purpose, hashSessionToken(token), this.clock.now()) : null;
    if (!found) throw validationFailed([{ field: 'token', message: LINK_USED_OR_EXPIRED }]);
    return found;
  }

  private mail(em: EntityManager, userId: string | null, to: string, mail: AccountMail, at: Date): Promise<void> {
    return this.outbox.enqueue(em, [{ userId, to, ...mail }], at);
  }
}
