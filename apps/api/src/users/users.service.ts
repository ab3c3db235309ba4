import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { type Affiliation, affiliationAfterRoleChange, type AuditAction, checkAffiliation, conflict, notFound, type Role, rolesWith, validationFailed } from '@peerdesk/domain';
import { AuditService } from '../audit/audit.service';
import { CLOCK, type Clock } from '../common/clock';
import { checkId } from '../common/ids';
import type { Viewer } from '../common/viewer';
import { isUniqueViolation } from '../database/errors';
import { Transactions } from '../database/transactions';
import { UserEntity } from './user.entity';
import { UsersRepository } from './users.repository';

export interface NewUser {
  email: string | null;
  displayName: string;
  passwordHash: string | null;
  role: Role;
  affiliation: Affiliation;
  createdAt?: Date;
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
