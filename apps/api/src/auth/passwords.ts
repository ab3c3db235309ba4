import { randomBytes } from 'node:crypto';
import argon2 from 'argon2';

/** argon2id with the library's current recommended cost; the parameters travel inside the hash. */
export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, { type: argon2.argon2id });
}

// A hash of nothing anyone can type, made with the same parameters as every account's, and checked
// when an address has no account (or the account no password): a sign-in for an unknown address then
// costs what one for a real account costs, so timing does not reveal who has one.
let decoyHash: Promise<string> | null = null;

/**
 * Makes the decoy before the first sign-in needs it (the API calls this at start-up), so not even the
 * first unknown address pays for hashing it on top of the check.
 */
export function prepareDecoyHash(): Promise<string> {
  decoyHash ??= hashPassword(randomBytes(32).toString('base64url'));
  return decoyHash;
}

/** False for a missing hash too, after the same amount of work. */
export async function verifyPassword(hash: string | null | undefined, password: string): Promise<boolean> {
  if (hash) return argon2.verify(hash, password);
  await argon2.verify(await prepareDecoyHash(), password);
  return false;
}
