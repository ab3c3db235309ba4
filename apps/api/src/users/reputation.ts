import type { EntityManager } from 'typeorm';
import { UsersRepository } from './users.repository';

/**
 * UsersRepository.moveReputation for the callers that still import it as a function (the answers and
 * votes services); it goes once they inject UsersRepository.
 */
export function moveReputation(em: EntityManager, changes: ReadonlyArray<{ userId: string | null; delta: number }>): Promise<void> {
  return new UsersRepository(em.connection).moveReputation(em, changes);
}
