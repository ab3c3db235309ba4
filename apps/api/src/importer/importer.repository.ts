import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { Affiliation } from '@peerdesk/domain';
import type { AttributionRow } from './attribution.model';

/** One thing already imported: the dump's id of it, and the row it became. */
export interface ImportMapping {
  kind: string;
  sourceId: string;
  targetId: string;
}

/** A mapping as read back; for a user, also what the importer needs of the account. */
export interface StoredImportMapping extends ImportMapping {
  affiliation: Affiliation | null;
  displayName: string | null;
}

export type AttributionTargetType = AttributionRow['target_type'];

export interface AttributionTarget {
  targetType: AttributionTargetType;
  targetId: string;
}

export interface NewAttribution extends AttributionTarget {
  source: string;
  authorName: string;
  licence: string;
  url: string | null;
}

/** The one owner of `import_mappings` and `post_attributions`. */
@Injectable()
export class ImporterRepository {
  constructor(private readonly db: DataSource) {}

  /** The mappings of `source` among these (kind, source id) keys, in one query; users come with their affiliation and name. */
  async findMappings(em: EntityManager, source: string, keys: ReadonlyArray<readonly [kind: string, sourceId: string]>): Promise<StoredImportMapping[]> {
    if (keys.length === 0) return [];
    const rows: Array<{ kind: string; source_id: string; target_id: string; affiliation: Affiliation | null; display_name: string | null }> = await em.query(
      `SELECT m.kind, m.source_id, m.target_id::text, u.affiliation, u.display_name
         FROM import_mappings m
         JOIN unnest($2::text[], $3::text[]) AS k(kind, source_id) ON k.kind = m.kind AND k.source_id = m.source_id
         LEFT JOIN users u ON m.kind = 'user' AND u.id = m.target_id
        WHERE m.source = $1`,
      [source, keys.map((k) => k[0]), keys.map((k) => k[1])],
    );
    return rows.map((r) => ({ kind: r.kind, sourceId: r.source_id, targetId: r.target_id, affiliation: r.affiliation, displayName: r.display_name }));
  }

  async insertMappings(em: EntityManager, source: string, mappings: readonly ImportMapping[]): Promise<void> {
    if (mappings.length === 0) return;
    await em.query(
      `INSERT INTO import_mappings (source, kind, source_id, target_id)
       SELECT $1, kind, source_id, target_id FROM unnest($2::text[], $3::text[], $4::bigint[]) AS m(kind, source_id, target_id)`,
      [source, mappings.map((m) => m.kind), mappings.map((m) => m.sourceId), mappings.map((m) => m.targetId)],
    );
  }

  /** Imported questions whose accepted answer (as the dump names it) never arrived. */
  async countAcceptedAnswersMissing(em: EntityManager, source: string): Promise<number> {
    const [{ missing }] = await em.query(
      `SELECT count(*)::int AS missing FROM import_mappings m JOIN questions q ON q.id = m.target_id
        WHERE m.source = $1 AND m.kind = 'accepted-answer' AND q.accepted_answer_id IS NULL`,
      [source],
    );
    return missing;
  }

  async insertAttributions(em: EntityManager, attributions: readonly NewAttribution[]): Promise<void> {
    if (attributions.length === 0) return;
    await em.query(
      `INSERT INTO post_attributions (target_type, target_id, source, author_name, licence, url)
       SELECT * FROM unnest($1::text[], $2::bigint[], $3::text[], $4::text[], $5::text[], $6::text[])`,
      [
        attributions.map((a) => a.targetType),
        attributions.map((a) => a.targetId),
        attributions.map((a) => a.source),
        attributions.map((a) => a.authorName),
        attributions.map((a) => a.licence),
        attributions.map((a) => a.url),
      ],
    );
  }

  /** The attributions of these posts, in the order asked, null for posts written here (for per-request batching). */
  async findAttributions(targets: readonly AttributionTarget[]): Promise<Array<AttributionRow | null>> {
    const rows: AttributionRow[] = await this.db.query(
      `SELECT pa.target_type, pa.target_id::text, pa.source, pa.author_name, pa.licence, pa.url
         FROM post_attributions pa
         JOIN unnest($1::text[], $2::bigint[]) AS t(target_type, target_id) USING (target_type, target_id)`,
      [targets.map((t) => t.targetType), targets.map((t) => t.targetId)],
    );
    const found = new Map(rows.map((row) => [`${row.target_type}:${row.target_id}`, row]));
    return targets.map((t) => found.get(`${t.targetType}:${t.targetId}`) ?? null);
  }

  /** Whether this post came from another platform (it has an attribution): imported history, not a live thread. */
  async isImported(em: EntityManager, target: AttributionTarget): Promise<boolean> {
    const rows: unknown[] = await em.query(
      `SELECT 1 FROM post_attributions WHERE target_type = $1 AND target_id = $2`,
      [target.targetType, target.targetId],
    );
    return rows.length > 0;
  }

  /**
   * A bulk writer's switch read by the report triggers (migrations ReportFacts, WritesInLockOrder): the
   * touched questions' report facts are refreshed once at this transaction's commit, not after every row.
   */
  async deferReportFactsToCommit(em: EntityManager): Promise<void> {
    await em.query(`SELECT set_config('peerdesk.defer_report_facts', 'on', true)`);
  }
}
