import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { SpamRules } from '@peerdesk/domain';

type RuleKind = 'WORD' | 'DOMAIN';

/** The blocked words and link domains the spam checks read (`spam_rules`). */
@Injectable()
export class SpamRulesRepository {
  constructor(private readonly db: DataSource) {}

  async all(em: EntityManager = this.db.manager): Promise<SpamRules> {
    const rows: Array<{ kind: RuleKind; value: string }> = await em.query(`SELECT kind, value FROM spam_rules ORDER BY kind, value`);
    return {
      words: rows.filter((row) => row.kind === 'WORD').map((row) => row.value),
      domains: rows.filter((row) => row.kind === 'DOMAIN').map((row) => row.value),
    };
  }

  /** The lists as they are, with changes by others held off until the caller's transaction ends (readers are not). */
  async lockAll(em: EntityManager): Promise<SpamRules> {
    await em.query(`LOCK TABLE spam_rules IN EXCLUSIVE MODE`);
    return this.all(em);
  }

  async add(em: EntityManager, kind: RuleKind, values: readonly string[], at: Date, byId: string): Promise<void> {
    if (values.length === 0) return;
    await em.query(
      `INSERT INTO spam_rules (kind, value, created_at, created_by) SELECT $1, v, $3, $4 FROM unnest($2::text[]) AS v ON CONFLICT DO NOTHING`,
      [kind, values, at, byId],
    );
  }

  async remove(em: EntityManager, kind: RuleKind, values: readonly string[]): Promise<void> {
    if (values.length === 0) return;
    await em.query(`DELETE FROM spam_rules WHERE kind = $1 AND value = ANY($2::text[])`, [kind, values]);
  }
}
