import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { Affiliation, TrustActivity, TrustLevel } from '@peerdesk/domain';

/** A member as the trust-level rule sees them: their level now and the activity it is decided on. */
export interface MemberActivity {
  userId: string;
  trustLevel: TrustLevel;
  locked: boolean;
  affiliation: Affiliation;
  activity: TrustActivity;
}

/** The UTC day of an instant, as user_visits keys it. */
export function visitDay(at: Date): string {
  return at.toISOString().slice(0, 10);
}

/**
 * The one owner of `user_visits` (the days a member used a signed-in session) and `trust_level_state`
 * (how far the trust-level pass has looked); reads the activity the rule needs from its owners' tables.
 */
@Injectable()
export class TrustRepository {
  constructor(private readonly db: DataSource) {}

  /** Notes that the member visited on `at`'s UTC day; a second note that day changes nothing. */
  async recordVisit(em: EntityManager | null, userId: string, at: Date): Promise<void> {
    await (em ?? this.db.manager).query(`INSERT INTO user_visits (user_id, day) VALUES ($1, $2::date) ON CONFLICT DO NOTHING`, [userId, visitDay(at)]);
  }

  /** A deleting member's visits go with the rest of what they did privately. */
  async forgetVisits(em: EntityManager, userId: string): Promise<void> {
    await em.query(`DELETE FROM user_visits WHERE user_id = $1`, [userId]);
  }

  /**
   * Claims the pass over changed activity: the state row, locked for this transaction, or null when
   * another API process holds it (that process is doing the pass). Returns the watermark.
   */
  async claimPass(em: EntityManager): Promise<Date | null> {
    const rows: Array<{ evaluated_until: Date }> = await em.query(`SELECT evaluated_until FROM trust_level_state FOR UPDATE SKIP LOCKED`);
    return rows.length === 0 ? null : new Date(rows[0].evaluated_until);
  }

  async setWatermark(em: EntityManager, until: Date): Promise<void> {
    await em.query(`UPDATE trust_level_state SET evaluated_until = $1`, [until]);
  }

  /**
   * Members whose activity moved after `since` (visits on or after its day, questions read, reputation
   * changes, which include acceptances, review decisions on their posts) and up to `until`, by id, at most `limit` after `afterId`.
   */
  async changedSince(em: EntityManager, since: Date, afterId: string | null, limit: number): Promise<string[]> {
    const rows: Array<{ id: string }> = await em.query(
      `SELECT id::text FROM (
         SELECT user_id AS id FROM user_visits WHERE day >= $1::date
         UNION SELECT viewer_id FROM question_views WHERE viewer_id IS NOT NULL AND viewed_at > $2
         UNION SELECT user_id FROM reputation_events WHERE created_at > $2
         UNION SELECT author_id FROM review_items WHERE decided_at > $2 AND author_id IS NOT NULL
       ) changed
       WHERE $3::bigint IS NULL OR id > $3
       ORDER BY id LIMIT $4`,
      [visitDay(since), since, afterId, limit],
    );
    return rows.map((r) => r.id);
  }

  /** Every live account, by id, at most `limit` after `afterId` (the pass over all). */
  async liveMembers(em: EntityManager, afterId: string | null, limit: number): Promise<string[]> {
    const rows: Array<{ id: string }> = await em.query(
      `SELECT id::text FROM users WHERE deleted_at IS NULL AND ($1::bigint IS NULL OR id > $1) ORDER BY id LIMIT $2`,
      [afterId, limit],
    );
    return rows.map((r) => r.id);
  }

  /**
   * What the rule reads of each live member: days visited, distinct questions read (not their own),
   * their answers accepted now on others' live questions, reputation, and flags upheld against them.
   */
  async activityOf(em: EntityManager, userIds: readonly string[]): Promise<MemberActivity[]> {
    if (userIds.length === 0) return [];
    const rows: Array<{
      id: string; trust_level: TrustLevel; trust_level_locked: boolean; affiliation: Affiliation; reputation: number;
      days_visited: number; posts_read: number; answers_accepted: number; flags_upheld: number;
    }> = await em.query(
      `SELECT u.id::text, u.trust_level, u.trust_level_locked, u.affiliation, u.reputation,
              (SELECT count(*) FROM user_visits v WHERE v.user_id = u.id)::int AS days_visited,
              (SELECT count(DISTINCT qv.question_id) FROM question_views qv WHERE qv.viewer_id = u.id AND NOT qv.by_asker)::int AS posts_read,
              (SELECT count(*) FROM answers a
                 JOIN answer_acceptances aa ON aa.answer_id = a.id AND aa.withdrawn_at IS NULL
                 JOIN questions q ON q.id = aa.question_id AND q.deleted_at IS NULL
                WHERE a.author_id = u.id AND a.deleted_at IS NULL AND q.author_id IS DISTINCT FROM u.id)::int AS answers_accepted,
              (SELECT count(*) FROM review_items r JOIN flags f ON f.review_item_id = r.id
                WHERE r.author_id = u.id AND f.outcome = 'UPHELD')::int AS flags_upheld
         FROM users u
        WHERE u.id = ANY($1::bigint[]) AND u.deleted_at IS NULL
        ORDER BY u.id`,
      [userIds],
    );
    return rows.map((r) => ({
      userId: r.id,
      trustLevel: r.trust_level,
      locked: r.trust_level_locked,
      affiliation: r.affiliation,
      activity: { daysVisited: r.days_visited, postsRead: r.posts_read, answersAccepted: r.answers_accepted, reputation: r.reputation, flagsUpheld: r.flags_upheld },
    }));
  }
}
