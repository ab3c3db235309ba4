import { type DataSource, type EntityTarget, In, type ObjectLiteral } from 'typeorm';

/**
 * The rows with these ids, in the order asked, null where there is none (deleted rows included): what a
 * per-request loader's batch returns. Each owning repository calls it for its own entity.
 */
export async function findInOrder<T extends ObjectLiteral & { id: string }>(db: DataSource, entity: EntityTarget<T>, ids: readonly string[]): Promise<Array<T | null>> {
  const rows = await db.getRepository(entity).findBy({ id: In([...ids]) } as never);
  const found = new Map(rows.map((row) => [row.id, row]));
  return ids.map((id) => found.get(id) ?? null);
}
