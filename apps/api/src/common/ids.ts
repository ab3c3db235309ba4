import { notFound } from '@peerdesk/domain';

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
