import type { DataSource } from 'typeorm';

const DAY_OF = `(f.created_at AT TIME ZONE 'UTC')::date`;
const MONTH_OF = `date_trunc('month', f.created_at AT TIME ZONE 'UTC')::date`;
/** Each rollup table, and its content summed from scratch from report_question_facts. */
const ROLLUPS: Array<[string, string, string]> = [
  ['report_day_figures', 'day, category_id, figure, n',
    `SELECT ${DAY_OF}, f.category_id, x.figure, sum(x.n) FROM report_question_facts f, report_question_figures(f) x GROUP BY 1, 2, 3`],
  ['report_month_durations', 'month, category_id, measure, seconds, n',
    `SELECT ${MONTH_OF}, f.category_id, x.measure, x.seconds, count(*) FROM report_question_facts f, report_question_durations(f) x GROUP BY 1, 2, 3, 4`],
  ['report_month_peer_answers', 'month, category_id, author_id, answers, peer_solved',
    `SELECT ${MONTH_OF}, f.category_id, x.author_id, sum(x.answers), sum(x.peer_solved) FROM report_question_facts f, report_question_peer_answers(f) x GROUP BY 1, 2, 3`],
];

/** Every stored facts row equals the definition recomputed from the raw tables now, no question lacks one, and every rollup row is the sum of the stored facts' contributions. */
export async function expectRollupCurrent(db: DataSource): Promise<void> {
  const stale: unknown[] = await db.query(
    `(SELECT * FROM report_question_facts EXCEPT SELECT * FROM report_question_facts_as_of(ARRAY(SELECT id FROM questions), 'infinity'))
     UNION ALL
     (SELECT * FROM report_question_facts_as_of(ARRAY(SELECT id FROM questions), 'infinity') EXCEPT SELECT * FROM report_question_facts)`);
  expect(stale).toEqual([]);
  // The day and month rollups, kept current transaction by transaction, equal the contributions of the stored facts summed afresh.
  for (const [table, columns, rebuilt] of ROLLUPS) {
    const drift: unknown[] = await db.query(
      `(SELECT ${columns} FROM ${table} EXCEPT ${rebuilt}) UNION ALL (${rebuilt} EXCEPT SELECT ${columns} FROM ${table})`);
    expect({ table, drift }).toEqual({ table, drift: [] });
  }
  const pending: unknown[] = await db.query('SELECT * FROM report_facts_pending');
  expect(pending).toEqual([]);
}
