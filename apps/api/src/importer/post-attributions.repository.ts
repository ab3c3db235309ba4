import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { type TypedTarget, typedTargetKey } from '../common/loaders';
import type { AttributionRow } from './attribution.model';

export type AttributedTarget = TypedTarget<AttributionRow['target_type']>;

/** Reads of `post_attributions`: where imported posts come from (the importer writes them). */
@Injectable()
export class PostAttributionsRepository {
  constructor(private readonly db: DataSource) {}

  /** The attribution of each of these posts, in the order asked; null for posts written here. */
  async findAttributions(targets: readonly AttributedTarget[]): Promise<Array<AttributionRow | null>> {
    const rows: AttributionRow[] = await this.db.query(
      `SELECT pa.target_type, pa.target_id::text, pa.source, pa.author_name, pa.licence, pa.url
         FROM post_attributions pa
         JOIN unnest($1::text[], $2::bigint[]) AS t(target_type, target_id) USING (target_type, target_id)`,
      [targets.map((t) => t.targetType), targets.map((t) => t.targetId)],
    );
    const found = new Map(rows.map((row) => [typedTargetKey({ targetType: row.target_type, targetId: row.target_id }), row]));
    return targets.map((target) => found.get(typedTargetKey(target)) ?? null);
  }
}
