import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager, In } from 'typeorm';
import type { Affiliation, ReputationKind, Restriction, Role, TrustLevel } from '@peerdesk/domain';
import type { Keyset } from '../common/pagination';
import type { NotificationEmailPreference } from '../notifications/notification.model';
import { UserEntity } from './user.entity';
import { findInOrder } from '../database/plain-rows';

export interface NewUserRow {
  email: string | null;
  displayName: string;
  passwordHash: string | null;
  role: Role;
  affiliation: Affiliation;
  createdAt: Date;
  /** Unset: NEW, as for anyone who registers. */
  trustLevel?: TrustLevel;
}

/** What a moderator looks for in the users list (UsersService.search checks it first). */
export interface UserSearch {
  /** Part of a display name or of an e-mail address, any letter case; null for everyone. */
  query: string | null;
  role: Role | null;
  trustLevel: TrustLevel | null;
  /** true: only those suspended at `now`; false: only those who are not; null: both. */
  suspended: boolean | null;
  silenced: boolean | null;
  includeDeleted: boolean;
  now: Date;
}

/** A LIKE pattern matching `text` anywhere, its wildcards taken literally. */
function containing(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** One change of a member's reputation, as the ledger keeps it. */
export interface ReputationChange {
  /** Whose reputation moves; null (a gone author) moves nothing. */
  userId: string | null;
  delta: number;
  kind: ReputationKind;
  questionId: string | null;
  answerId: string | null;
  /** Who caused it (the voter, the one who accepted), if anyone. */
  actorId: string | null;
}

/** One row of a member's reputation history. */
export interface ReputationEventRow {
  id: string;
  delta: number;
  kind: ReputationKind;
  questionId: string | null;
  answerId: string | null;
  /** The question's title; null when there is no question or it was deleted. */
  questionTitle: string | null;
  at: Date;
}

/** The one owner of the `users` table and of the reputation ledger (`reputation_events`): every read and write of it goes through these methods. */
@Injectable()
export class UsersRepository {
  constructor(private readonly db: DataSource) {}

  /** The users with these ids, in the order asked, null where there is none (for per-request batching). */
  findByIds(ids: readonly string[]): Promise<Array<UserEntity | null>> {
    return findInOrder(this.db, UserEntity, ids);
  }

  /**
   * Accounts brought in by an import (no e-mail, no password), in one statement; their ids in the order
   * of `rows` (rows are inserted, and numbered, in that order).
   */
  async insertImported(
    em: EntityManager,
    rows: ReadonlyArray<{ displayName: string; reputation: number; affiliation: Affiliation; createdAt: Date }>,
  ): Promise<string[]> {
    if (rows.length === 0) return [];
    // Imported accounts have history, not newcomers' needs: MEMBER. Their reputation enters the ledger as one IMPORTED row each.
    const inserted: Array<{ id: string }> = await em.query(
      `WITH inserted AS (
         INSERT INTO users (display_name, reputation, affiliation, trust_level, created_at, updated_at)
         SELECT r.display_name, r.reputation, r.affiliation, 'MEMBER', r.created_at, r.created_at
           FROM json_to_recordset($1::json) AS r(ord int, display_name text, reputation int, affiliation text, created_at timestamptz)
          ORDER BY r.ord
         RETURNING id, reputation, created_at),
       ledger AS (
         INSERT INTO reputation_events (user_id, delta, kind, created_at)
         SELECT id, reputation, 'IMPORTED', created_at FROM inserted WHERE reputation <> 0 ORDER BY id)
       SELECT id::text FROM inserted`,
      [JSON.stringify(rows.map((r, ord) => ({ ord, display_name: r.displayName, reputation: r.reputation, affiliation: r.affiliation, created_at: r.createdAt })))],
    );
    return inserted.map((r) => r.id).sort((a, b) => (BigInt(a) < BigInt(b) ? -1 : 1));
  }

  /** How the user wants notifications by e-mail; IN_APP_ONLY for a user who is gone. */
  async notificationEmail(userId: string): Promise<NotificationEmailPreference> {
    const rows: Array<{ notification_email: NotificationEmailPreference }> = await this.db.query(
      `SELECT notification_email FROM users WHERE id = $1`,
      [userId],
    );
    return rows[0]?.notification_email ?? 'IN_APP_ONLY';
  }

  /** Choosing the digest starts its day now, so the first one does not arrive at once with everything old in it. */
  async setNotificationEmail(userId: string, preference: NotificationEmailPreference, at: Date): Promise<void> {
    await this.db.query(
      `UPDATE users SET notification_email = $2,
              digest_sent_at = CASE WHEN $2 = 'DAILY_DIGEST' THEN COALESCE(digest_sent_at, $3) ELSE digest_sent_at END
        WHERE id = $1`,
      [userId, preference, at],
    );
  }

  /** A digest chosen for some kinds starts its day now, like choosing it for all (setNotificationEmail). */
  async startDigestDay(userId: string, at: Date): Promise<void> {
    await this.db.query(`UPDATE users SET digest_sent_at = COALESCE(digest_sent_at, $2) WHERE id = $1`, [userId, at]);
  }

  /** In the transaction that queued the user's daily digest. */
  async markDigestSent(em: EntityManager, userId: string, at: Date): Promise<void> {
    await em.query(`UPDATE users SET digest_sent_at = $2 WHERE id = $1`, [userId, at]);
  }

  findById(em: EntityManager, id: string): Promise<UserEntity | null> {
    return em.findOneBy(UserEntity, { id });
  }

  /**
   * What the first-post hold reads: the member's trust level and how many questions, answers and comments they
   * posted before (held, hidden and deleted ones too; counted only for a NEW member, the one level the hold
   * reads). One statement; null when there is no such account.
   */
  /**
   * Serialises this author's posting checks until the transaction ends (PostingHold.holdFor): a
   * transaction-level advisory lock, keyed by a hash of the id (a rare collision only makes two authors wait
   * for each other). No table row is locked, so it takes no place among the rows of the lock order.
   */
  async lockPostingOf(em: EntityManager, id: string): Promise<void> {
    await em.query(`SELECT pg_advisory_xact_lock(hashtextextended('posting-hold:' || $1::text, 0))`, [id]);
  }

  async postingRecord(em: EntityManager, id: string): Promise<{ trustLevel: TrustLevel; priorPosts: number } | null> {
    const rows: Array<{ trust_level: TrustLevel; posts: number }> = await em.query(
      `SELECT u.trust_level,
              CASE WHEN u.trust_level = 'NEW' THEN
                (SELECT count(*) FROM questions WHERE author_id = u.id)::int
              + (SELECT count(*) FROM answers WHERE author_id = u.id)::int
              + (SELECT count(*) FROM comments WHERE author_id = u.id)::int
              ELSE 0 END AS posts
         FROM users u WHERE u.id = $1`,
      [id],
    );
    return rows[0] ? { trustLevel: rows[0].trust_level, priorPosts: rows[0].posts } : null;
  }

  /** The user with their password hash (for checking it); null when there is none. */
  findWithPasswordHash(id: string): Promise<UserEntity | null> {
    return this.db.getRepository(UserEntity).createQueryBuilder('u').addSelect('u.passwordHash').where('u.id = :id', { id }).getOne();
  }

  /** The account using this (normalized) address in any letter case, with its password hash; null when none does. */
  findByEmailWithPasswordHash(em: EntityManager, email: string): Promise<UserEntity | null> {
    return em.getRepository(UserEntity).createQueryBuilder('u').addSelect('u.passwordHash').where('lower(u.email) = :email', { email }).getOne();
  }

  /**
   * A page of the users list, by lower-cased name then id (keyset: the last row's name key and id), with how
   * many match. A query matches a substring of the name or the address (trigram indexes serve both, see
   * migration 1763901520000); a restriction counts only while its end is after `now`.
   */
  async search(filter: UserSearch, first: number, after: Keyset | null): Promise<{ rows: Array<{ user: UserEntity; key: string }>; total: number }> {
    const filtered = this.db.getRepository(UserEntity).createQueryBuilder('u');
    if (!filter.includeDeleted) filtered.andWhere('u.deleted_at IS NULL');
    if (filter.query !== null) {
      filtered.andWhere(`(lower(u.display_name) LIKE :pattern ESCAPE '\\' OR lower(u.email) LIKE :pattern ESCAPE '\\')`, {
        pattern: containing(filter.query.toLowerCase()),
      });
    }
    if (filter.role !== null) filtered.andWhere('u.role = :role', { role: filter.role });
    if (filter.trustLevel !== null) filtered.andWhere('u.trust_level = :trustLevel', { trustLevel: filter.trustLevel });
    if (filter.suspended !== null) {
      filtered.andWhere(filter.suspended ? 'u.suspended_until > :now' : '(u.suspended_until IS NULL OR u.suspended_until <= :now)', { now: filter.now });
    }
    if (filter.silenced !== null) {
      filtered.andWhere(filter.silenced ? 'u.silenced_until > :now' : '(u.silenced_until IS NULL OR u.silenced_until <= :now)', { now: filter.now });
    }
    const page = filtered.clone().addSelect('lower(u.display_name)', 'name_key').orderBy('name_key', 'ASC').addOrderBy('u.id', 'ASC').limit(first + 1);
    if (after) page.andWhere('(lower(u.display_name), u.id) > (:afterKey, CAST(:afterId AS bigint))', { afterKey: String(after.key), afterId: after.id });
    const [{ entities, raw }, total] = await Promise.all([page.getRawAndEntities<{ name_key: string }>(), filtered.getCount()]);
    return { rows: entities.map((user, i) => ({ user, key: raw[i].name_key })), total };
  }

  /** Sets (or with null, lifts) the user's suspension, in the caller's transaction. */
  async setSuspension(em: EntityManager, id: string, suspension: Restriction | null, now: Date): Promise<void> {
    await em.update(UserEntity, { id }, { suspendedUntil: suspension?.until ?? null, suspensionReason: suspension?.reason ?? null, updatedAt: now });
  }

  /** Sets (or with null, lifts) the user's silence, in the caller's transaction. */
  async setSilence(em: EntityManager, id: string, silence: Restriction | null, now: Date): Promise<void> {
    await em.update(UserEntity, { id }, { silencedUntil: silence?.until ?? null, silenceReason: silence?.reason ?? null, updatedAt: now });
  }

  /** Everyone with one of these roles, by name. */
  withRoles(roles: readonly Role[]): Promise<UserEntity[]> {
    return this.db.getRepository(UserEntity).find({ where: { role: In([...roles]) }, order: { displayName: 'ASC', id: 'ASC' } });
  }

  /** Which of these (normalized) e-mail addresses have an account. */
  async existingEmails(emails: readonly string[]): Promise<Set<string>> {
    const users = await this.db.getRepository(UserEntity).find({ select: { email: true }, where: { email: In([...emails]) } });
    return new Set(users.map((user) => user.email!));
  }

  /** The names of everyone whose role is not MEMBER and of every employee, but `exceptUserId`. */
  async privilegedNames(exceptUserId: string | null): Promise<string[]> {
    const rows: Array<{ display_name: string }> = await this.db.query(
      `SELECT display_name FROM users WHERE (role <> 'MEMBER' OR affiliation = 'EMPLOYEE') AND ($1::bigint IS NULL OR id <> $1)`,
      [exceptUserId],
    );
    return rows.map((r) => r.display_name);
  }

  /** Inserts a user and reads it back; an address already taken fails with the unique violation (users_email_unique). */
  async insert(em: EntityManager, user: NewUserRow): Promise<UserEntity> {
    const result = await em.insert(UserEntity, { ...user, reputation: 0, updatedAt: user.createdAt });
    return em.findOneByOrFail(UserEntity, { id: String(result.identifiers[0].id) });
  }

  /** Inserts a user unless an account already has the address (a demo account seeded a second time). */
  async insertUnlessEmailTaken(em: EntityManager, user: NewUserRow): Promise<void> {
    await em.query(
      `INSERT INTO users (email, display_name, password_hash, role, affiliation, reputation, trust_level, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, 0, $7, $6, $6)
       ON CONFLICT DO NOTHING`,
      [user.email, user.displayName, user.passwordHash, user.role, user.affiliation, user.createdAt, user.trustLevel ?? 'NEW'],
    );
  }

  /** Locks the user's row for the rest of the transaction; null when there is none. */
  lock(em: EntityManager, id: string): Promise<UserEntity | null> {
    return em.findOne(UserEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  /** Locks a live (not deleted) account's row, with what deleting it checks; null when there is none. */
  lockLiveWithPasswordHash(em: EntityManager, id: string): Promise<UserEntity | null> {
    return em
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('u.id = :id AND u.deleted_at IS NULL', { id })
      .setLock('pessimistic_write')
      .getOne();
  }

  /** How many live admins there are besides this user. */
  async otherLiveAdmins(em: EntityManager, userId: string): Promise<number> {
    const [{ count }] = await em.query(`SELECT count(*)::int AS count FROM users WHERE role = 'ADMIN' AND deleted_at IS NULL AND id <> $1`, [userId]);
    return count;
  }

  async setPasswordHash(em: EntityManager, id: string, passwordHash: string, now: Date): Promise<void> {
    await em.update(UserEntity, { id }, { passwordHash, updatedAt: now });
  }

  async setDisplayName(id: string, displayName: string, now: Date): Promise<void> {
    await this.db.getRepository(UserEntity).update({ id }, { displayName, updatedAt: now });
  }

  async setTimeZone(id: string, timeZone: string | null, now: Date): Promise<void> {
    await this.db.getRepository(UserEntity).update({ id }, { timeZone, updatedAt: now });
  }

  /** Moves the account to a new address; a taken one fails with the unique violation. */
  async setEmail(em: EntityManager, id: string, email: string, now: Date): Promise<void> {
    await em.update(UserEntity, { id }, { email, updatedAt: now });
  }

  async setRoleAndAffiliation(em: EntityManager, id: string, change: { role: Role; affiliation: Affiliation }, now: Date): Promise<void> {
    await em.update(UserEntity, { id }, { ...change, updatedAt: now });
  }

  /**
   * Moves members' reputation (packages/domain/src/reputation.ts says how much and why) inside the
   * caller's transaction: one call per transaction with every change it makes. Each change is a row of
   * the ledger (reputation_events); `users.reputation` moves by the same amounts, as atomic increments in
   * user id order, so two transactions moving points between the same people both ways cannot deadlock
   * (the lock order is in database/transactions.ts). The ledger rows are written after the increments,
   * once this transaction holds the users' rows. Gone authors and zero changes are skipped.
   */
  async moveReputation(em: EntityManager, changes: ReadonlyArray<ReputationChange>, at: Date): Promise<void> {
    const kept = changes.filter((c): c is ReputationChange & { userId: string } => c.userId !== null && c.delta !== 0);
    const byUser = new Map<string, number>();
    for (const { userId, delta } of kept) byUser.set(userId, (byUser.get(userId) ?? 0) + delta);
    const ordered = [...byUser].sort(([a], [b]) => (BigInt(a) < BigInt(b) ? -1 : BigInt(a) > BigInt(b) ? 1 : 0));
    for (const [userId, delta] of ordered) {
      if (delta !== 0) await em.increment(UserEntity, { id: userId }, 'reputation', delta);
    }
    if (kept.length === 0) return;
    await em.query(
      `INSERT INTO reputation_events (user_id, delta, kind, question_id, answer_id, actor_id, created_at)
       SELECT r.user_id, r.delta, r.kind, r.question_id, r.answer_id, r.actor_id, $1
         FROM json_to_recordset($2::json) AS r(ord int, user_id bigint, delta int, kind text, question_id bigint, answer_id bigint, actor_id bigint)
        ORDER BY r.ord`,
      [at, JSON.stringify(kept.map((c, ord) => ({ ord, user_id: c.userId, delta: c.delta, kind: c.kind, question_id: c.questionId, answer_id: c.answerId, actor_id: c.actorId })))],
    );
  }

  /**
   * One page of a member's reputation history, newest first (keyset on the ledger id), with the title of
   * the question each change is about (null when the question is gone, held or hidden: the history is public), and how many rows there are.
   */
  async reputationHistory(userId: string, first: number, afterId: string | null): Promise<{ rows: ReputationEventRow[]; total: number }> {
    const rows: Array<{ id: string; delta: number; kind: ReputationKind; question_id: string | null; answer_id: string | null; title: string | null; created_at: Date }> =
      await this.db.query(
        `SELECT e.id::text, e.delta, e.kind, e.question_id::text, e.answer_id::text, e.created_at,
                CASE WHEN q.deleted_at IS NULL AND q.moderation_state = 'VISIBLE' THEN q.title END AS title
           FROM reputation_events e LEFT JOIN questions q ON q.id = e.question_id
          WHERE e.user_id = $1 AND ($2::bigint IS NULL OR e.id < $2)
          ORDER BY e.id DESC
          LIMIT $3`,
        [userId, afterId, first + 1],
      );
    const [{ total }] = await this.db.query(`SELECT count(*)::int AS total FROM reputation_events WHERE user_id = $1`, [userId]);
    return {
      rows: rows.map((r) => ({
        id: r.id, delta: r.delta, kind: r.kind, questionId: r.question_id, answerId: r.answer_id, questionTitle: r.title, at: new Date(r.created_at),
      })),
      total,
    };
  }

  /**
   * Sets a member's trust level by hand and locks it (or, `locked` false, hands it back to the automatic
   * rule), in the caller's transaction; the row is locked by the caller.
   */
  async setTrustLevel(em: EntityManager, id: string, level: TrustLevel, locked: boolean, now: Date): Promise<void> {
    await em.update(UserEntity, { id }, { trustLevel: level, trustLevelLocked: locked, updatedAt: now });
  }

  /**
   * The automatic rule's changes (trust/trust-levels.service.ts), each applied only if the member is
   * still at the level the rule saw and nobody has locked it meanwhile (a moderator's hand wins); the
   * ids whose level changed.
   */
  async applyAutomaticTrustLevels(em: EntityManager, changes: ReadonlyArray<{ userId: string; from: TrustLevel; to: TrustLevel }>, now: Date): Promise<string[]> {
    if (changes.length === 0) return [];
    // An UPDATE … RETURNING answers [rows, count] through TypeORM's driver.
    const [rows]: [Array<{ id: string }>, number] = await em.query(
      `UPDATE users u SET trust_level = c.to_level, updated_at = $2
         FROM json_to_recordset($1::json) AS c(user_id bigint, from_level text, to_level text)
        WHERE u.id = c.user_id AND u.trust_level = c.from_level AND NOT u.trust_level_locked AND u.deleted_at IS NULL
       RETURNING u.id::text`,
      [JSON.stringify(changes.map((c) => ({ user_id: c.userId, from_level: c.from, to_level: c.to }))), now],
    );
    return rows.map((r) => r.id);
  }

  /**
   * Erases what identifies a deleting member and keeps the row their posts, votes and acceptances point
   * at, under `displayName` (privacy's "Deleted member").
   */
  async erase(em: EntityManager, id: string, displayName: string, now: Date): Promise<void> {
    await em.query(
      `UPDATE users SET email = NULL, display_name = $2, password_hash = NULL, role = 'MEMBER', notification_email = 'IN_APP_ONLY',
                        digest_sent_at = NULL, deleted_at = $3, updated_at = $3
        WHERE id = $1`,
      [id, displayName, now],
    );
  }
}
