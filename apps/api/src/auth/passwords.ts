import argon2 from 'argon2';

/** argon2id with the library's current recommended cost; the parameters travel inside the hash. */
export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, { type: argon2.argon2id });
}

// A hash of nothing anyone can type, checked when an account has no password, so a sign-in for an
// unknown address costs as much as one for a real account and timing does not reveal who has one.
let decoyHash: Promise<string> | null = null;

/** False for a missing hash too, after the same amount of work. */
export async function verifyPassword(hash: string | null | undefined, password: string): Promise<boolean> {
  if (hash) return argon2.verify(hash, password);
  decoyHash ??= hashPassword(`decoy-${Math.random()}`);
  await argon2.verify(await decoyHash, password);
  return false;
}
