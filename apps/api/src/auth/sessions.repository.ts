import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { Affiliation, RestrictionColumns, Role, TrustLevel } from '@peerdesk/domain';
import { SessionEntity } from './session.entity';
import { prepared } from '../database/prepared-statements';

export interface SessionRow {
  id: string;
  tokenHash: string;
  createdAt: Date;
  lastUsedAt: Date;
  expiresAt: Date;
  userAgent: string | null;
}

/** How often a session's last use is written: once a minute is precise enough for "last used", and cheap. */
const TOUCH_EVERY_SECONDS = 60;
const USER_AGENT_MAX = 300;

/** Who a live session is signed in as, with their standing (suspension, silence). */
export interface SessionViewerRow extends RestrictionColumns {
  id: string;
  role: Role;
  affiliation: Affiliation;
  displayName: string;
  trustLevel: TrustLevel;
  /** When the session was last used before this request (at most a minute stale): a new day's first use is a visit. */
  lastUsedAt: Date;
}

/** The one owner of `sessions`: every read and write of it goes through these methods. */
@Injectable()
export class SessionsRepository {
  constructor(private readonly db: DataSource) {}

  /**
   * Opens a session, in the caller's transaction (a registration finishing signs in with it), noting
   * which browser opened it (cut to a sane length; headers are the client's to fill).
   */
  async open(em: EntityManager, session: { userId: string; tokenHash: string; now: Date; expiresAt: Date; userAgent: string | undefined }): Promise<void> {
    await em.insert(SessionEntity, {
      userId: session.userId,
      tokenHash: session.tokenHash,
      createdAt: session.now,
      lastUsedAt: session.now,
      expiresAt: session.expiresAt,
      userAgent: session.userAgent?.trim().slice(0, USER_AGENT_MAX) || null,
    });
  }

  /** The user a live (unexpired) session is signed in as; null when there is no such session. */
  async viewerOf(tokenHash: string, now: Date): Promise<SessionViewerRow | null> {
    const rows: Array<{
      id: string; role: Role; affiliation: Affiliation; display_name: string; trust_level: TrustLevel; last_used_at: Date;
      suspended_until: Date | null; suspension_reason: string | null; silenced_until: Date | null; silence_reason: string | null;
    }> = await this.db.query(
      prepared(`SELECT u.id, u.role, u.affiliation, u.display_name, u.trust_level, s.last_used_at,
              u.suspended_until, u.suspension_reason, u.silenced_until, u.silence_reason
         FROM sessions s JOIN users u ON u.id = s.user_id
        WHERE s.token_hash = $1 AND s.expires_at > $2`),
      [tokenHash, now],
    );
    const row = rows[0];
    return row
      ? {
          id: String(row.id), role: row.role, affiliation: row.affiliation, displayName: row.display_name, trustLevel: row.trust_level,
          lastUsedAt: new Date(row.last_used_at),
          suspendedUntil: row.suspended_until, suspensionReason: row.suspension_reason, silencedUntil: row.silenced_until, silenceReason: row.silence_reason,
        }
      : null;
  }

  /** Ends the session with this token (signing out). */
  async end(tokenHash: string): Promise<void> {
    await this.db.getRepository(SessionEntity).delete({ tokenHash });
  }

  /** The user's live sessions, most recently used first. */
  async liveFor(userId: string, now: Date): Promise<SessionRow[]> {
    const rows: Array<{ id: string; token_hash: string; created_at: Date; last_used_at: Date; expires_at: Date; user_agent: string | null }> =
      await this.db.query(
        `SELECT id::text, token_hash, created_at, last_used_at, expires_at, user_agent FROM sessions
          WHERE user_id = $1 AND expires_at > $2
          ORDER BY last_used_at DESC, id DESC`,
        [userId, now],
      );
    return rows.map((r) => ({ id: r.id, tokenHash: r.token_hash, createdAt: r.created_at, lastUsedAt: r.last_used_at, expiresAt: r.expires_at, userAgent: r.user_agent }));
  }

  /** Ends one of the user's sessions; false when they have none by that id. */
  async endOne(userId: string, sessionId: string): Promise<boolean> {
    const [, affected]: [unknown, number] = await this.db.query(`DELETE FROM sessions WHERE id = $1 AND user_id = $2`, [sessionId, userId]);
    return affected > 0;
  }

  /** Ends every session of the user, or every one but `keepTokenHash`. */
  async endAll(em: EntityManager, userId: string, keepTokenHash: string | null = null): Promise<number> {
    const [, affected]: [unknown, number] = await em.query(
      `DELETE FROM sessions WHERE user_id = $1 AND ($2::text IS NULL OR token_hash <> $2)`,
      [userId, keepTokenHash],
    );
    return affected;
  }

  /** Moves a session's last use forward, at most once a minute. */
  async touch(tokenHash: string, now: Date): Promise<void> {
    await this.db.query(
      `UPDATE sessions SET last_used_at = $2 WHERE token_hash = $1 AND last_used_at < $2::timestamptz - make_interval(secs => $3)`,
      [tokenHash, now, TOUCH_EVERY_SECONDS],
    );
  }
}
