import type { DataSource, EntityTarget, ObjectLiteral, SelectQueryBuilder } from 'typeorm';

/** Per entity, per table alias: built once, as the entities do not change while the process runs. */
const selectLists = new WeakMap<object, Map<string, string>>();

/**
 * The entity's selected columns under its property names (`"q"."body_html" AS "bodyHtml"`), for a statement
 * whose rows come back from `query` already shaped as the entity: plain objects, without TypeORM's entity
 * mapping, which cost more CPU than the statement itself on a page's reads. The entities hold only types pg
 * parses as TypeORM would (text, integers, booleans, timestamptz, jsonb; bigint stays a string), with no
 * transformers; columns marked `select: false` (a password hash) are left out as `find` leaves them out.
 */
export function entityColumns(db: DataSource, entity: EntityTarget<ObjectLiteral>, alias: string): string {
  const metadata = db.getMetadata(entity);
  let byAlias = selectLists.get(metadata);
  if (!byAlias) selectLists.set(metadata, (byAlias = new Map()));
  let list = byAlias.get(alias);
  if (list === undefined) {
    list = metadata.columns.filter((column) => column.isSelect).map((column) => `"${alias}"."${column.databaseName}" AS "${column.propertyName}"`).join(', ');
    byAlias.set(alias, list);
  }
  return list;
}

/**
 * The rows with these ids, in the order asked, null where there is none (deleted rows included): what a
 * per-request loader's batch returns. Each owning repository calls it for its own entity.
 */
export async function findInOrder<T extends ObjectLiteral & { id: string }>(db: DataSource, entity: EntityTarget<T>, ids: readonly string[]): Promise<Array<T | null>> {
  const rows: T[] = await db.query(`SELECT ${entityColumns(db, entity, 'e')} FROM "${db.getMetadata(entity).tableName}" "e" WHERE "e"."id" = ANY($1)`, [ids]);
  const found = new Map(rows.map((row) => [row.id, row]));
  return ids.map((id) => found.get(id) ?? null);
}

/** The rows a query builder over `entity` (as `alias`) selects, read as plain rows shaped as the entity (see entityColumns). */
export function manyPlain<T extends ObjectLiteral>(db: DataSource, entity: EntityTarget<T>, builder: SelectQueryBuilder<T>): Promise<T[]> {
  const [text, parameters] = builder.select(entityColumns(db, entity, builder.alias)).getQueryAndParameters();
  return db.query(text, parameters);
}
