import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { type DomainError, notFound } from '@peerdesk/domain';

const ENTITY_ID = /^[1-9]\d{0,17}$/;

/** A positive bigint, as every table's id is. */
export function isEntityId(id: string): boolean {
  return ENTITY_ID.test(id);
}

/** Ids are positive bigints; anything else names nothing, so it is NOT_FOUND rather than a database error. */
export function checkId(id: string, what: string): string {
  if (!isEntityId(id)) throw notFound(`There is no ${what} "${id}".`);
  return id;
}

/**
 * NOT_FOUND for an id whose live (not soft-deleted) row was not found. Only a row that still exists
 * was deleted; an id that never named one gets "there is no such …", not a guess that it was deleted.
 */
export async function missing(em: EntityManager, entity: EntityTarget<ObjectLiteral>, what: string, id: string): Promise<DomainError> {
  return (await em.existsBy(entity, { id })) ? notFound(`That ${what} has been deleted.`) : notFound(`There is no ${what} ${id}.`);
}
