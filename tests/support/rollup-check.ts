import type { DataSource } from 'typeorm';

const DAY_OF = `(f.created_at AT TIME ZONE 'UTC')::date`;
const MONTH_OF = `date_trunc('month', f.created_at AT TIME ZONE 'UTC')::date`;
/**
 * Each rollup table with its deltas not yet folded, summed by key (what the report reads), and its content summed
 * from scratch from report_question_facts.
 */
const ROLLUPS: Array<[string, string]> = [
  [`SELECT day, category_id, figure, sum(n) FROM (SELECT day, category_id, figure, n FROM report_day_figures
      UNION ALL SELECT day, category_id, figure, n FROM report_day_figure_deltas) r GROUP BY 1, 2, 3 HAVING sum(n) <> 0`,
    `SELECT ${DAY_OF}, f.category_id, x.figure, sum(x.n) FROM report_question_facts f, report_question_figures(f) x GROUP BY 1, 2, 3`],
  [`SELECT day, category_id, measure, seconds, sum(n) FROM (SELECT day, category_id, measure, seconds, n FROM report_day_durations
      UNION ALL SELECT day, category_id, measure, seconds, n FROM report_day_duration_deltas) r GROUP BY 1, 2, 3, 4 HAVING sum(n) <> 0`,
    `SELECT ${DAY_OF}, f.category_id, x.measure, x.seconds, count(*) FROM report_question_facts f, report_question_durations(f) x GROUP BY 1, 2, 3, 4`],
  [`SELECT month, category_id, measure, seconds, sum(n) FROM (SELECT month, category_id, measure, seconds, n FROM report_month_durations
      UNION ALL SELECT date_trunc('month', day)::date, category_id, measure, seconds, n FROM report_day_duration_deltas) r GROUP BY 1, 2, 3, 4 HAVING sum(n) <> 0`,
    `SELECT ${MONTH_OF}, f.category_id, x.measure, x.seconds, count(*) FROM report_question_facts f, report_question_durations(f) x GROUP BY 1, 2, 3, 4`],
  [`SELECT day, category_id, author_id, sum(answers), sum(peer_solved) FROM (SELECT day, category_id, author_id, answers, peer_solved FROM report_day_peer_answers
      UNION ALL SELECT day, category_id, author_id, answers, peer_solved FROM report_day_peer_answer_deltas) r
     GROUP BY 1, 2, 3 HAVING sum(answers) <> 0 OR sum(peer_solved) <> 0`,
    `SELECT ${DAY_OF}, f.category_id, x.author_id, sum(x.answers), sum(x.peer_solved) FROM report_question_facts f, report_question_peer_answers(f) x GROUP BY 1, 2, 3`],
  [`SELECT month, category_id, author_id, sum(answers), sum(peer_solved) FROM (SELECT month, category_id, author_id, answers, peer_solved FROM report_month_peer_answers
      UNION ALL SELECT date_trunc('month', day)::date, category_id, author_id, answers, peer_solved FROM report_day_peer_answer_deltas) r
     GROUP BY 1, 2, 3 HAVING sum(answers) <> 0 OR sum(peer_solved) <> 0`,
    `SELECT ${MONTH_OF}, f.category_id, x.author_id, sum(x.answers), sum(x.peer_solved) FROM report_question_facts f, report_question_peer_answers(f) x GROUP BY 1, 2, 3`],
];
const DELTA_TABLES = ['report_day_figure_deltas', 'report_day_duration_deltas', 'report_day_peer_answer_deltas'];

/** The deltas not yet folded into the rollup tables, by table. */
export async function unfoldedDeltas(db: DataSource): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of DELTA_TABLES) counts[table] = (await db.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n;
  return counts;
}

/**
 * Once the questions hot writes noted are refreshed (as a report does before it reads), every stored facts row equals
 * the definition recomputed from the raw tables now, no question lacks one, and every rollup row with its unfolded
 * deltas is the sum of the stored facts' contributions.
 */
export async function expectRollupCurrent(db: DataSource): Promise<void> {
  await db.query(`SELECT refresh_noted_report_question_facts(2147483647, true)`);
  const stale: unknown[] = await db.query(
    `(SELECT * FROM report_question_facts EXCEPT SELECT * FROM report_question_facts_as_of(ARRAY(SELECT id FROM questions), 'infinity'))
     UNION ALL
     (SELECT * FROM report_question_facts_as_of(ARRAY(SELECT id FROM questions), 'infinity') EXCEPT SELECT * FROM report_question_facts)`);
  expect(stale).toEqual([]);
  // The day and month rollups (durations and authors both per day and per month) with their deltas, kept current transaction by transaction, equal the contributions of the stored facts summed afresh.
  for (const [stored, rebuilt] of ROLLUPS) {
    const drift: unknown[] = await db.query(`(${stored} EXCEPT ${rebuilt}) UNION ALL (${rebuilt} EXCEPT ${stored})`);
    expect({ stored, drift }).toEqual({ stored, drift: [] });
  }
  const pending: unknown[] = await db.query('SELECT unnest(question_ids) FROM report_facts_pending UNION ALL SELECT question_id FROM report_facts_outbox');
  expect(pending).toEqual([]);
}
