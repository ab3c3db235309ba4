import { ASK_ABANDON_WINDOW_MS, classifyOutcomeOracle, isAskAvoidedOracle, type OutcomeFacts, seededRandom } from '@peerdesk/domain';
import { TestApp, type TestUser } from '../support/test-app';

/**
 * Rules that run inside PostgreSQL against their TypeScript test oracles, written independently and never called in
 * production, on random inputs. Seeded, so a failure reproduces.
 */

const MINUTE = 60_000;
const START = Date.UTC(2025, 2, 1);

describe('rules in SQL agree with their TypeScript oracles', () => {
  let app: TestApp;
  let manager: TestUser;
  beforeAll(async () => {
    app = await TestApp.start();
    manager = await app.userWithRole('MANAGER');
  });
  afterAll(async () => { await app.close(); });

  it('report_outcome (reports/sql/report-outcome.sql) classifies random facts as classifyOutcomeOracle does', async () => {
    const random = seededRandom(13);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
    const cases = Array.from({ length: 2000 }, () => {
      const askerId = pick(['1', '2']);
      const acceptedAt = START + Math.floor(random() * 5) * MINUTE;
      const accepted = random() < 0.6 ? { answerAuthorId: pick(['1', '2', '3']), authorKind: pick(['PEER', 'STAFF'] as const), acceptedAt: new Date(acceptedAt) } : null;
      // Often at the very minute of the acceptance: "after escalation" means strictly before it.
      const firstEscalatedAt = random() < 0.5 ? new Date(START + Math.floor(random() * 5) * MINUTE) : null;
      const privatelyResolvedAt = random() < 0.2 ? new Date(START + Math.floor(random() * 5) * MINUTE) : null;
      const facts: OutcomeFacts = {
        askerId, accepted, firstEscalatedAt, liveAnswers: { peer: pick([0, 0, 1, 3]), staff: pick([0, 0, 1, 2]) }, privatelyResolvedAt,
      };
      return facts;
    });
    // Rows of report_question_facts as report_question_facts_as_of makes them: the acceptance's columns all set, or none.
    const rows = cases.map((facts, i) => ({
      question_id: i + 1, author_id: facts.askerId, category_id: 1, tags: [], created_at: new Date(START - MINUTE), deleted: false,
      accepted_answer_id: facts.accepted ? 1 : null, answer_author_id: facts.accepted?.answerAuthorId ?? null,
      accepted_kind: facts.accepted?.authorKind ?? null, accepted_at: facts.accepted?.acceptedAt ?? null,
      first_escalated_at: facts.firstEscalatedAt, peer_answers: facts.liveAnswers.peer, staff_answers: facts.liveAnswers.staff,
      peer_answers_by_others: 0, staff_comments: 0, escalations: facts.firstEscalatedAt ? 1 : 0, breached_escalations: 0,
      escalation_reasons: [], staff_response_seconds: [], peer_answer_authors: [], facts_changed_at: new Date(START),
      privately_resolved_at: facts.privatelyResolvedAt,
    }));
    const outcomes: Array<{ outcome: string }> = await app.db.query(
      `SELECT report_outcome(f) AS outcome FROM json_populate_recordset(NULL::report_question_facts, $1) f ORDER BY f.question_id`,
      [JSON.stringify(rows)]);
    expect(outcomes.map((row) => row.outcome)).toEqual(cases.map(classifyOutcomeOracle));
    expect(new Set(outcomes.map((row) => row.outcome)).size).toBe(8); // every outcome was reached
  });

  it('pre-ask deflection (AskSessionsRepository.preAskDeflection) counts the asks avoided that isAskAvoidedOracle finds', async () => {
    await app.db.query(`INSERT INTO users (id, display_name, affiliation) OVERRIDING SYSTEM VALUE VALUES (900001, 'asker', 'COMMUNITY')`);
    await app.db.query(`INSERT INTO categories (id, name, slug) OVERRIDING SYSTEM VALUE VALUES (900001, 'Oracle', 'oracle')`);
    await app.db.query(
      `INSERT INTO questions (id, category_id, author_id, title, body, body_html, tags, created_at, updated_at, last_activity_at) OVERRIDING SYSTEM VALUE
       SELECT id, 900001, 900001, 'Suggested ' || id, 'b', 'b', '{}', $1, $1, $1 FROM generate_series(900001, 900004) id`, [new Date(START - 86_400_000)]);
    const random = seededRandom(29);
    const at = (minutes: number) => new Date(START + minutes * MINUTE);
    const sessions = Array.from({ length: 300 }, (_, i) => {
      const started = Math.floor(random() * 240);
      const openings = Array.from({ length: Math.floor(random() * 4) }, () => ({
        questionId: 900001 + Math.floor(random() * 4), solved: random() < 0.6, at: at(started + Math.floor(random() * 60)),
      }));
      const postedAt = random() < 0.5 ? at(started + Math.floor(random() * 120)) : null;
      return { id: `oracle-session-${String(i).padStart(4, '0')}`, startedAt: at(started), openings, postedAt };
    });
    await app.db.query(
      `INSERT INTO ask_sessions (id, started_at, posted_at) SELECT * FROM json_to_recordset($1) AS r(id text, "startedAt" timestamptz, "postedAt" timestamptz)`,
      [JSON.stringify(sessions)]);
    await app.db.query(
      `INSERT INTO ask_session_openings (session_id, question_id, was_solved, opened_at)
       SELECT * FROM json_to_recordset($1) AS r(session text, "questionId" bigint, solved boolean, at timestamptz) ON CONFLICT DO NOTHING`,
      [JSON.stringify(sessions.flatMap((s) => s.openings.map((o) => ({ session: s.id, ...o }))))]);

    for (const [from, to, asOf] of [[0, 240, 400], [0, 240, 150], [60, 120, 200], [30, 200, 90]]) {
      const input = { from: at(from), to: at(to), asOf: at(asOf), bucket: 'DAY' };
      const { deflectionReport } = await app.ok<{ deflectionReport: { preAskDeflection: { asksAvoided: number } } }>(
        `query ($input: DeflectionReportInput!) { deflectionReport(input: $input) { preAskDeflection { asksAvoided } } }`, { input }, manager);
      // The facts as the report knows them at asOf: openings and postings after it have not happened yet.
      const expected = sessions
        .filter((s) => s.startedAt >= input.from && s.startedAt < input.to && s.startedAt <= input.asOf)
        .filter((s) => isAskAvoidedOracle({
          solvedOpenings: s.openings.filter((o) => o.solved && o.at <= input.asOf).map((o) => o.at),
          postedAt: s.postedAt && s.postedAt <= input.asOf ? s.postedAt : null,
        }, input.asOf)).length;
      expect({ from, to, asOf, avoided: deflectionReport.preAskDeflection.asksAvoided }).toEqual({ from, to, asOf, avoided: expected });
      if (asOf === 400) expect(expected).toBeGreaterThan(10); // not a vacuous comparison
    }
    expect(ASK_ABANDON_WINDOW_MS).toBe(30 * MINUTE); // the window the report uses, as the oracle reads it
  });
});
