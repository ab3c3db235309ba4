import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import {
  type Affiliation, affiliationAfterRoleChange, type AuditAction, checkAffiliation, conflict, forbidden, LIMITS, notFound, restrainRefusal, type Restriction, type Role,
  rolesWith, standingOf, type TrustLevel, validateRestriction, validationFailed,
} from '@peerdesk/domain';
import { AuditService } from '../audit/audit.service';
import { CLOCK, type Clock } from '../common/clock';
import { checkId } from '../common/ids';
import { checkPageSize, type Connection, decodeCursor, toConnection } from '../common/pagination';
import type { Viewer } from '../common/viewer';
import { isUniqueViolation } from '../database/errors';
import { Transactions } from '../database/transactions';
import { UserEntity } from './user.entity';
import type { UsersArgs } from './dto/users.input';
import { type ReputationEventRow, UsersRepository } from './users.repository';

/** What a moderator may do to a member's standing (packages/domain/src/standing.ts), and what the audit log calls it. */
type Restraint = 'suspension' | 'silence';
const RESTRAINT_ACTIONS: Record<Restraint, { set: AuditAction; lift: AuditAction; noun: string }> = {
  suspension: { set: 'USER_SUSPENDED', lift: 'USER_UNSUSPENDED', noun: 'suspended' },
  silence: { set: 'USER_SILENCED', lift: 'USER_UNSILENCED', noun: 'silenced' },
};

export interface NewUser {
  email: string | null;
  displayName: string;
  passwordHash: string | null;
  role: Role;
  affiliation: Affiliation;
  createdAt?: Date;
  /** Unset: NEW (the demo gives its accounts the levels their history would have earned). */
  trustLevel?: TrustLevel;
}

@Injectable()
export class UsersService {
  constructor(
    private readonly db: DataSource,
    private readonly users: UsersRepository,
    private readonly audit: AuditService,
    private readonly transactions: Transactions,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** One page of the member's reputation ledger, newest first. */
  async reputationHistory(userId: string, first: number, after: string | null): Promise<Connection<ReputationEventRow>> {
    checkPageSize(first);
    const afterId = after ? decodeCursor(after).id : null;
    const { rows, total } = await this.users.reputationHistory(checkId(userId, 'user'), first, afterId);
    return toConnection(rows, first, total, (row) => ({ key: row.id, id: row.id }), (row) => row);
  }

  /** Everyone an escalation may be assigned to (their role handles escalations), by name. */
  assignableStaff(): Promise<UserEntity[]> {
    return this.users.withRoles(rolesWith('handle_escalation'));
  }

  /** Which of these (normalized) e-mail addresses have an account. */
  existingEmails(emails: readonly string[]): Promise<Set<string>> {
    return this.users.existingEmails(emails);
  }

  /** Inserts a user; an e-mail already taken (in any letter case) is a CONFLICT. */
  async create(em: EntityManager, user: NewUser): Promise<UserEntity> {
    const problem = checkAffiliation(user.role, user.affiliation);
    if (problem) throw validationFailed([{ field: 'affiliation', message: problem }]);
    try {
      return await this.users.insert(em, { ...user, createdAt: user.createdAt ?? this.clock.now() });
    } catch (error) {
      if (isUniqueViolation(error)) throw conflict('An account with this e-mail address already exists. Try signing in.');
      throw error;
    }
  }

  /** The account using this (normalized) address, with its password hash; null when none does. */
  findByEmail(em: EntityManager, email: string): Promise<UserEntity | null> {
    return this.users.findByEmailWithPasswordHash(em, email);
  }

  /** The user with their password hash, for checking the current password. */
  async findWithPasswordHash(id: string): Promise<UserEntity> {
    const user = await this.users.findWithPasswordHash(checkId(id, 'user'));
    if (!user) throw notFound(`There is no user ${id}.`);
    return user;
  }

  /**
   * The display names a member may not take: everyone whose role is not MEMBER (moderators, staff,
   * managers, admins) and every employee, but `exceptUserId` (their own name is theirs to keep).
   */
  protectedNames(exceptUserId: string | null = null): Promise<string[]> {
    return this.users.privilegedNames(exceptUserId);
  }

  setPasswordHash(em: EntityManager, id: string, passwordHash: string, now: Date): Promise<void> {
    return this.users.setPasswordHash(em, id, passwordHash, now);
  }

  async setDisplayName(id: string, displayName: string): Promise<UserEntity> {
    await this.users.setDisplayName(id, displayName, this.clock.now());
    return this.findById(id);
  }

  async setTimeZone(id: string, timeZone: string | null): Promise<UserEntity> {
    await this.users.setTimeZone(id, timeZone, this.clock.now());
    return this.findById(id);
  }

  /** Moves the account to a new address; CONFLICT when another account took it meanwhile. */
  async setEmail(em: EntityManager, id: string, email: string, now: Date): Promise<void> {
    try {
      await this.users.setEmail(em, id, email, now);
    } catch (error) {
      if (isUniqueViolation(error)) throw conflict('Another account uses this e-mail address now, so yours stays as it was.');
      throw error;
    }
  }

  async findById(id: string): Promise<UserEntity> {
    const user = await this.users.findById(this.db.manager, checkId(id, 'user'));
    if (!user) throw notFound(`There is no user ${id}.`);
    return user;
  }

  async setRole(actor: Viewer, userId: string, role: Role): Promise<UserEntity> {
    if (actor.id === userId) throw conflict("You can't change your own role; ask another admin.");
    return this.changeUser(actor, userId, 'USER_ROLE_CHANGED', (user) => ({
      role,
      affiliation: affiliationAfterRoleChange(role, user.affiliation),
    }));
  }

  async setAffiliation(actor: Viewer, userId: string, affiliation: Affiliation): Promise<UserEntity> {
    return this.changeUser(actor, userId, 'USER_AFFILIATION_CHANGED', (user) => {
      const problem = checkAffiliation(user.role, affiliation);
      if (problem) throw validationFailed([{ field: 'affiliation', message: problem }]);
      return { role: user.role, affiliation };
    });
  }

  /**
   * The users list for those who manage users: a page by name, filtered; deleted accounts only when asked
   * for. A query matches part of a name or of an address (whoever may search may find by address; whether
   * they may read it is toUserModel's rule).
   */
  async search({ filter, first, after }: UsersArgs): Promise<Connection<UserEntity>> {
    checkPageSize(first);
    const keyset = after ? decodeCursor(after) : null;
    const query = filter?.query?.trim() || null;
    if (query !== null && [...query].length > LIMITS.userQuery.max) {
      throw validationFailed([{ field: 'filter.query', message: `Type at most ${LIMITS.userQuery.max} characters.` }]);
    }
    const { rows, total } = await this.users.search(
      {
        query,
        role: filter?.role ?? null,
        trustLevel: filter?.trustLevel ?? null,
        suspended: filter?.suspended ?? null,
        silenced: filter?.silenced ?? null,
        includeDeleted: filter?.includeDeleted ?? false,
        now: this.clock.now(),
      },
      first,
      keyset,
    );
    return toConnection(rows, first, total, ({ user, key }) => ({ key, id: user.id }), ({ user }) => user);
  }

  /** Suspends a member until `until` (they read, sign in, and are refused every post, vote and flag meanwhile); audited with the reason. */
  suspend(actor: Viewer, userId: string, restriction: Restriction): Promise<UserEntity> {
    return this.restrain(actor, userId, 'suspension', restriction);
  }

  /** Ends a suspension early; `reason` (optional) goes to the audit log. */
  unsuspend(actor: Viewer, userId: string, reason: string | null): Promise<UserEntity> {
    return this.restrain(actor, userId, 'suspension', null, reason);
  }

  /** Silences a member until `until`: their posts wait for a moderator meanwhile; audited with the reason. */
  silence(actor: Viewer, userId: string, restriction: Restriction): Promise<UserEntity> {
    return this.restrain(actor, userId, 'silence', restriction);
  }

  unsilence(actor: Viewer, userId: string, reason: string | null): Promise<UserEntity> {
    return this.restrain(actor, userId, 'silence', null, reason);
  }

  /** Suspends inside the caller's transaction: a review decision suspends the author of the post it hides, or neither happens. */
  async suspendWithin(em: EntityManager, actor: Viewer, userId: string, restriction: Restriction): Promise<void> {
    await this.restrainWithin(em, actor, userId, 'suspension', this.checkedRestriction(restriction), null);
  }

  private checkedRestriction(restriction: Restriction): Restriction {
    const input = { until: restriction.until, reason: restriction.reason.trim() };
    const problems = validateRestriction(input, this.clock.now());
    if (problems.length) throw validationFailed(problems);
    return input;
  }

  /**
   * Sets (a restriction) or lifts (null) a suspension or silence under the user's row lock, with an audit
   * entry (before, after, reason) in the same transaction. Who may restrain whom is the domain's rule
   * (restrainRefusal); lifting what is not in force is a CONFLICT, so the log records only real changes.
   */
  private async restrain(actor: Viewer, userId: string, kind: Restraint, restriction: Restriction | null, liftReason: string | null = null): Promise<UserEntity> {
    const input = restriction ? this.checkedRestriction(restriction) : null;
    const lifted = liftReason?.trim() || null;
    if (lifted && [...lifted].length > LIMITS.restrictionReason.max) {
      throw validationFailed([{ field: 'reason', message: `The reason must be at most ${LIMITS.restrictionReason.max} characters.` }]);
    }
    return this.transactions.run((em) => this.restrainWithin(em, actor, userId, kind, input, lifted));
  }

  private async restrainWithin(em: EntityManager, actor: Viewer, userId: string, kind: Restraint, input: Restriction | null, lifted: string | null): Promise<UserEntity> {
    const now = this.clock.now();
    const user = await this.users.lock(em, checkId(userId, 'user'));
    if (!user) throw notFound(`There is no user ${userId}.`);
    const refusal = restrainRefusal(actor, user);
    if (refusal) throw forbidden(refusal);
    if (user.deletedAt) throw conflict('This account was deleted; there is nobody to restrain.');
    const standing = standingOf(user, now);
    const current = kind === 'suspension' ? standing.suspension : standing.silence;
    const { set, lift, noun } = RESTRAINT_ACTIONS[kind];
    if (!input && !current) throw conflict(`${user.displayName} is not ${noun}.`);
    const shown = (r: Restriction | null) => (r ? { until: r.until.toISOString(), reason: r.reason } : null);
    if (kind === 'suspension') await this.users.setSuspension(em, user.id, input, now);
    else await this.users.setSilence(em, user.id, input, now);
    await this.audit.record(em, {
      actorId: actor.id,
      action: input ? set : lift,
      targetType: 'USER',
      targetId: user.id,
      before: { [kind]: shown(current) },
      after: { [kind]: shown(input) },
      reason: input?.reason ?? lifted,
      at: now,
    });
    return (await this.users.findById(em, user.id))!;
  }

  /** Role and affiliation change under a row lock, with a before/after audit entry in the same transaction. */
  private async changeUser(
    actor: Viewer,
    userId: string,
    action: AuditAction,
    decide: (user: UserEntity) => { role: Role; affiliation: Affiliation },
  ): Promise<UserEntity> {
    return this.transactions.run(async (em) => {
      const user = await this.users.lock(em, checkId(userId, 'user'));
      if (!user) throw notFound(`There is no user ${userId}.`);
      const before = { role: user.role, affiliation: user.affiliation };
      const after = decide(user);
      const now = this.clock.now();
      await this.users.setRoleAndAffiliation(em, userId, after, now);
      await this.audit.record(em, { actorId: actor.id, action, targetType: 'USER', targetId: userId, before, after, at: now });
      return (await this.users.findById(em, userId))!;
    });
  }
}
