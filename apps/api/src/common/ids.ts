import { notFound } from '@peerdesk/domain';

const ENTITY_ID = /^[1-9]\d{0,17}$/;

/** Ids are positive bigints; anything else names nothing, so it is NOT_FOUND rather than a database error. */
export function checkId(id: string, what: string): string {
  if (!ENTITY_ID.test(id)) throw notFound(`There is no ${what} "${id}".`);
  return id;
}
