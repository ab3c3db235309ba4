import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import { type Affiliation, affiliationAfterRoleChange, checkAffiliation, conflict, notFound, type Role, rolesWith, validationFailed } from '@peerdesk/domain';
import { AuditService } from '../audit/audit.service';
import { CLOCK, type Clock } from '../common/clock';
import { checkId } from '../common/ids';
import type { Viewer } from '../common/viewer';
import { UserEntity } from './user.entity';
import { isUniqueViolation } from '../database/errors';

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
    private readonly audit: AuditService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Everyone an escalation may be assigned to (their role handles escalations), by name. */
  assignableStaff(): Promise<UserEntity[]> {
    return this.db.getRepository(UserEntity).find({ where: { role: In(rolesWith('handle_escalation')) }, order: { displayName: 'ASC', id: 'ASC' } });
  }

  /** Which of these (normalized) e-mail addresses have an account. */
  async existingEmails(emails: readonly string[]): Promise<Set<string>> {
    const users = await this.db.getRepository(UserEntity).find({ select: { email: true }, where: { email: In([...emails]) } });
    return new Set(users.map((user) => user.email!));
  }

  /** Inserts a user; an e-mail already taken (in any letter case) is a CONFLICT. */
  async create(em: EntityManager, user: NewUser): Promise<UserEntity> {
    const now = user.createdAt ?? this.clock.now();
    const problem = checkAffiliation(user.role, user.affiliation);
    if (problem) throw validationFailed([{ field: 'affiliation', message: problem }]);
    try {
      const result = await em.insert(UserEntity, {
        email: user.email,
        displayName: user.displayName,
        passwordHash: user.passwordHash,
        role: user.role,
        affiliation: user.affiliation,
        reputation: 0,
        createdAt: now,
        updatedAt: now,
      });
      return em.findOneByOrFail(UserEntity, { id: String(result.identifiers[0].id) });
    } catch (error) {
      if (isUniqueViolation(error)) throw conflict('An account with this e-mail address already exists. Try signing in.');
      throw error;
    }
  }

  /** The account using this (normalized) address, with its password hash; null when none does. */
  findByEmail(em: EntityManager, email: string): Promise<UserEntity | null> {
    return em.getRepository(UserEntity).createQueryBuilder('u').addSelect('u.passwordHash').where('lower(u.email) = :email', { email }).getOne();
  }

  /** The user with their password hash, for checking the current password. */
  async findWithPasswordHash(id: string): Promise<UserEntity> {
    const user = await this.db.getRepository(UserEntity).createQueryBuilder('u').addSelect('u.passwordHash').where('u.id = :id', { id: checkId(id, 'user') }).getOne();
    if (!user) throw notFound(`There is no user ${id}.`);
    return user;
  }

  /**
   * The display names a member may not take: everyone whose role is not MEMBER (moderators, staff,
   * managers, admins) and every employee, but `exceptUserId` (their own name is theirs to keep).
   */
  async protectedNames(exceptUserId: string | null = null): Promise<string[]> {
    const rows: Array<{ display_name: string }> = await this.db.query(
      `SELECT display_name FROM users WHERE (role <> 'MEMBER' OR affiliation = 'EMPLOYEE') AND ($1::bigint IS NULL OR id <> $1)`,
      [exceptUserId],
    );
    return rows.map((r) => r.display_name);
  }

  async setPasswordHash(em: EntityManager, id: string, passwordHash: string, now: Date): Promise<void> {
    await em.update(UserEntity, { id }, { passwordHash, updatedAt: now });
  }

  async setDisplayName(id: string, displayName: string): Promise<UserEntity> {
    await this.db.getRepository(UserEntity).update({ id }, { displayName, updatedAt: this.clock.now() });
    return this.findById(id);
  }

  /** Moves the account to a new address; CONFLICT when another account took it meanwhile. */
  async setEmail(em: EntityManager, id: string, email: string, now: Date): Promise<void> {
    try {
      await em.update(UserEntity, { id }, { email, updatedAt: now });
    } catch (error) {
      if (isUniqueViolation(error)) throw conflict('Another account uses this e-mail address now, so yours stays as it was.');
      throw error;
    }
  }

  async findById(id: string): Promise<UserEntity> {
    const user = await this.db.getRepository(UserEntity).findOneBy({ id: checkId(id, 'user') });
    if (!user) throw notFound(`There is no user ${id}.`);
    return user;
  }

  async setRole(actor: Viewer, userId: string, role: Role): Promise<UserEntity> {
    if (actor.id === userId) throw conflict("You can't change your own role; ask another admin.");
    return this.changeUser(actor, userId, 'user.role_changed', (user) => ({
      role,
      affiliation: affiliationAfterRoleChange(role, user.affiliation),
    }));
  }

  async setAffiliation(actor: Viewer, userId: string, affiliation: Affiliation): Promise<UserEntity> {
    return this.changeUser(actor, userId, 'user.affiliation_changed', (user) => {
      const problem = checkAffiliation(user.role, affiliation);
      if (problem) throw validationFailed([{ field: 'affiliation', message: problem }]);
      return { role: user.role, affiliation };
    });
  }

  /** Role and affiliation change under a row lock, with a before/after audit entry in the same transaction. */
  private async changeUser(
    actor: Viewer,
    userId: string,
    action: string,
    decide: (user: UserEntity) => { role: Role; affiliation: Affiliation },
  ): Promise<UserEntity> {
    return this.db.transaction(async (em) => {
      const user = await em.findOne(UserEntity, { where: { id: checkId(userId, 'user') }, lock: { mode: 'pessimistic_write' } });
      if (!user) throw notFound(`There is no user ${userId}.`);
      const before = { role: user.role, affiliation: user.affiliation };
      const after = decide(user);
      const now = this.clock.now();
      await em.update(UserEntity, { id: userId }, { ...after, updatedAt: now });
      await this.audit.record(em, { actorId: actor.id, action, targetType: 'USER', targetId: userId, before, after, at: now });
      return em.findOneByOrFail(UserEntity, { id: userId });
    });
  }
}
