import type { DataSource, EntityTarget, ObjectLiteral, SelectQueryBuilder } from 'typeorm';

/** Per entity, per table alias and columns left out: built once, as the entities do not change while the process runs. */
const selectLists = new WeakMap<object, Map<string, string>>();

/**
 * The entity's selected columns under its property names (`"q"."body_html" AS "bodyHtml"`), for a statement
 * whose rows come back from `query` already shaped as the entity: plain objects, without TypeORM's entity
 * mapping, which cost more CPU than the statement itself on a page's reads. The entities hold only types pg
 * parses as TypeORM would (text, integers, booleans, timestamptz, jsonb; bigint stays a string), with no
 * transformers; columns marked `select: false` (a password hash) are left out as `find` leaves them out, and so are
 * the properties in `without` (a row type that is the entity less its text, say).
 */
export function entityColumns<T extends ObjectLiteral>(db: DataSource, entity: EntityTarget<T>, alias: string, without: ReadonlyArray<keyof T & string> = []): string {
  const metadata = db.getMetadata(entity);
  let byAlias = selectLists.get(metadata);
  if (!byAlias) selectLists.set(metadata, (byAlias = new Map()));
  const key = without.length ? `${alias}\0${without.join(',')}` : alias;
  let list = byAlias.get(key);
  if (list === undefined) {
    list = metadata.columns
      .filter((column) => column.isSelect && !without.includes(column.propertyName))
      .map((column) => `"${alias}"."${column.databaseName}" AS "${column.propertyName}"`).join(', ');
    byAlias.set(key, list);
  }
  return list;
}

/**
 * The rows with these ids, in the order asked, null where there is none (deleted rows included): what a
 * per-request loader's batch returns, the properties in `without` left out (see entityColumns). Each owning
 * repository calls it for its own entity.
 */
export async function findInOrder<T extends ObjectLiteral & { id: string }, Without extends keyof T & string = never>(
  db: DataSource, entity: EntityTarget<T>, ids: readonly string[], without: readonly Without[] = [],
): Promise<Array<Omit<T, Without> | null>> {
  const rows: Array<Omit<T, Without> & { id: string }> = await db.query(
    `SELECT ${entityColumns(db, entity, 'e', without)} FROM "${db.getMetadata(entity).tableName}" "e" WHERE "e"."id" = ANY($1)`, [ids]);
  return inIdOrder(ids, rows);
}

/** The rows in the order of `ids`, null where none has that id. */
export function inIdOrder<Row extends { id: string }>(ids: readonly string[], rows: readonly Row[]): Array<Row | null> {
  const found = new Map(rows.map((row) => [row.id, row]));
  return ids.map((id) => found.get(id) ?? null);
}

/** The rows a query builder over `entity` (as `alias`) selects, read as plain rows shaped as the entity (see entityColumns). */
export function manyPlain<T extends ObjectLiteral>(db: DataSource, entity: EntityTarget<T>, builder: SelectQueryBuilder<T>): Promise<T[]> {
  const [text, parameters] = builder.select(entityColumns(db, entity, builder.alias)).getQueryAndParameters();
  return db.query(text, parameters);
}
