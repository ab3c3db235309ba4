import type { EntityManager } from 'typeorm';
import { UserEntity } from './user.entity';

/**
 * Moves a member's reputation by `delta` (packages/domain/src/reputation.ts says how much) inside the
 * caller's transaction, as one atomic increment; nothing for a gone author or a zero change.
 */
export async function addReputation(em: EntityManager, userId: string | null, delta: number): Promise<void> {
  if (userId === null || delta === 0) return;
  await em.increment(UserEntity, { id: userId }, 'reputation', delta);
}
