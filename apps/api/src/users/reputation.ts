import type { EntityManager } from 'typeorm';
import { UserEntity } from './user.entity';

/**
 * Moves members' reputation (packages/domain/src/reputation.ts says how much) inside the caller's
 * transaction: one call per transaction with every change it makes, applied as atomic increments in
 * user id order, so two transactions moving points between the same people both ways cannot deadlock
 * (the lock order is in database/transactions.ts). Gone authors and zero changes are skipped.
 */
export async function moveReputation(em: EntityManager, changes: ReadonlyArray<{ userId: string | null; delta: number }>): Promise<void> {
  const byUser = new Map<string, number>();
  for (const { userId, delta } of changes) if (userId !== null) byUser.set(userId, (byUser.get(userId) ?? 0) + delta);
  const ordered = [...byUser].filter(([, delta]) => delta !== 0).sort(([a], [b]) => (BigInt(a) < BigInt(b) ? -1 : BigInt(a) > BigInt(b) ? 1 : 0));
  for (const [userId, delta] of ordered) await em.increment(UserEntity, { id: userId }, 'reputation', delta);
}
