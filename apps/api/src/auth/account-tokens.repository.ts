import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

export type AccountTokenPurpose = 'REGISTRATION' | 'PASSWORD_RESET' | 'EMAIL_CHANGE';

export interface AccountToken {
  id: string;
  purpose: AccountTokenPurpose;
  userId: string | null;
  email: string | null;
  displayName: string | null;
  passwordHash: string | null;
}

export interface NewAccountToken extends Omit<AccountToken, 'id'> {
  tokenHash: string;
  createdAt: Date;
  expiresAt: Date;
}

/** The single-use tokens sent by e-mail (`account_tokens`): stored hashed, used once, expiring. */
@Injectable()
export class AccountTokensRepository {
  async insert(em: EntityManager, token: NewAccountToken): Promise<void> {
    await em.query(
      `INSERT INTO account_tokens (purpose, token_hash, user_id, email, display_name, password_hash, created_at, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [token.purpose, token.tokenHash, token.userId, token.email, token.displayName, token.passwordHash, token.createdAt, token.expiresAt],
    );
  }

  /**
   * Marks the token used and returns it, in one statement, when it exists for this purpose, is unused
   * and has not expired; null otherwise (unknown, used and expired tokens are told apart to nobody).
   */
  async consume(em: EntityManager, purpose: AccountTokenPurpose, tokenHash: string, now: Date): Promise<AccountToken | null> {
    const [rows]: [Array<{ id: string; purpose: AccountTokenPurpose; user_id: string | null; email: string | null; display_name: string | null; password_hash: string | null }>, number] =
      await em.query(
        `UPDATE account_tokens SET used_at = $3
          WHERE token_hash = $1 AND purpose = $2 AND used_at IS NULL AND expires_at > $3
          RETURNING id::text, purpose, user_id::text, email, display_name, password_hash`,
        [tokenHash, purpose, now],
      );
    const row = rows[0];
    return row ? { id: row.id, purpose: row.purpose, userId: row.user_id, email: row.email, displayName: row.display_name, passwordHash: row.password_hash } : null;
  }

  /** Every unused token of the user for these purposes stops working (a password changed, an address moved). */
  async revokeFor(em: EntityManager, userId: string, purposes: AccountTokenPurpose[], now: Date): Promise<void> {
    await em.query(`UPDATE account_tokens SET used_at = $3 WHERE user_id = $1 AND purpose = ANY($2::text[]) AND used_at IS NULL`, [userId, purposes, now]);
  }
}
