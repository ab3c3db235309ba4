import type { DataSource } from 'typeorm';

/**
 * A community of `questions` questions for plan tests, made set-based (one INSERT … SELECT generate_series per
 * table) so 100,000 questions load in well under a minute: with their authors among 20,000 members, 10
 * categories, 0–4 answers each (accepted in the first category only), comments, votes, views, notifications, reputation
 * events, escalations (a tenth of a percent still open), review items with flags and audit entries, all
 * dated over about three years. Deterministic (every choice is arithmetic on the row number), not realistic
 * in shape: the scale seeder (`npm run seed -- --scale`) is the realistic one; this one only has to make every
 * table the pages read big enough that PostgreSQL plans them as it would in production. Ends with ANALYZE.
 */
export async function seedPlanCommunity(db: DataSource, { questions, now }: { questions: number; now: Date }): Promise<void> {
  const members = Math.max(100, Math.round(questions / 5));
  const minutesApart = Math.max(1, Math.floor((3 * 365 * 24 * 60) / questions));
  const words = [
    'router', 'broadband', 'fibre', 'wifi', 'signal', 'dropping', 'slow', 'evening', 'modem', 'bill', 'payment', 'roaming',
    'mobile', 'sim', 'contract', 'upgrade', 'tv', 'box', 'channel', 'recording', 'app', 'login', 'password', 'email',
    'outage', 'engineer', 'install', 'speed', 'latency', 'gaming', 'voicemail', 'porting', 'number', 'data', 'allowance', 'refund',
  ];
  const word = (n: string) => `(ARRAY[${words.map((w) => `'${w}'`).join(',')}])[1 + ((${n}) % ${words.length})]`;
  // A pseudo-random, deterministic spread of a row number over 0..m-1 (Knuth's multiplicative hash).
  const spread = (n: string, m: number) => `((((${n})::bigint * 2654435761) % 4294967296 % ${m})::int)`;
  await db.transaction(async (em) => {
    const q = (sql: string, params: unknown[] = []) => em.query(sql, params);
    // The seed's statements each write a whole table: no request timeout applies to them.
    await q(`SET LOCAL statement_timeout = 0`);
    await q(`SET LOCAL synchronous_commit = off`);
    // No triggers (as pg_restore loads a dump): the report facts the triggers would derive row by row are not what
    // these plans are about, and would take minutes; the category counters are recounted below.
    await q(`SET LOCAL session_replication_role = replica`);
    const [{ first: u0 }] = await q(
      `WITH made AS (INSERT INTO users (email, display_name, password_hash, role, affiliation, reputation, trust_level, created_at, updated_at)
       SELECT 'plan' || i || '@example.com', 'Member ' || i, NULL,
              CASE WHEN i % 100 = 0 THEN 'STAFF' WHEN i % 250 = 1 THEN 'MODERATOR' ELSE 'MEMBER' END,
              CASE WHEN i % 100 = 0 THEN 'EMPLOYEE' ELSE 'COMMUNITY' END,
              ${spread('i', 5000)}, CASE WHEN i % 10 = 0 THEN 'REGULAR' ELSE 'MEMBER' END,
              $1::timestamptz - make_interval(days => 1100 - i % 1000), $1::timestamptz - make_interval(days => 1100 - i % 1000)
         FROM generate_series(1, ${members}) i RETURNING id)
       SELECT min(id) AS first FROM made`,
      [now],
    );
    const user = (n: string) => `(${u0}::bigint + ${spread(n, members)})`;
    const [{ first: c0 }] = await q(
      `WITH made AS (INSERT INTO categories (name, slug, description)
                     SELECT 'Plan category ' || c, 'plan-' || c, 'Seeded for plans' FROM generate_series(1, 10) c RETURNING id)
       SELECT min(id) AS first FROM made`,
    );
    // Staff teams: every tenth member who is STAFF serves two categories.
    await q(
      `INSERT INTO category_staff (category_id, user_id)
       SELECT ${c0}::bigint + (i / 100) % 10, ${u0}::bigint + i - 1 FROM generate_series(100, ${members}, 100) i ON CONFLICT DO NOTHING`,
    );
    // Questions, oldest first, every `minutesApart` minutes; i % 5 answers each.
    const [{ first: q0 }] = await q(
      `WITH made AS (INSERT INTO questions (category_id, author_id, title, body, body_html, tags, status, score, view_count, answer_count,
                              created_at, updated_at, last_activity_at, has_peer_answer, search_vector, title_vector, pinned_at)
       SELECT ${c0}::bigint + (i / 7) % 10, ${user('i')}, t.title, t.body, '<p>' || t.body || '</p>',
              ARRAY[${word('i')}], CASE WHEN i % 5 = 0 THEN 'OPEN' WHEN i % 2 = 0 THEN 'SOLVED' ELSE 'ANSWERED' END,
              ${spread('i', 20)} - 3, ${spread('i', 500)}, i % 5, t.at, t.at, t.at + make_interval(hours => ${spread('i', 200)}), i % 5 <> 0,
              setweight(to_tsvector('english', t.title), 'A') || setweight(to_tsvector('english', t.body), 'C'), to_tsvector('english', t.title),
              CASE WHEN i <= 10 THEN t.at END
         FROM generate_series(1, ${questions}) i,
              LATERAL (SELECT 'My ' || ${word('i')} || ' keeps ' || ${word('i / 7')} || ' since the ' || ${word('i / 49')} || ' change (' || i || ')' AS title,
                              'Every evening the ' || ${word('i / 3')} || ' and the ' || ${word('i / 11')} || ' stop working. I tried the ' ||
                              ${word('i / 13')} || ' twice and rang about the ' || ${word('i / 17')} || '. Any ideas?' AS body,
                              $1::timestamptz - make_interval(mins => (${questions} - i + 60) * ${minutesApart}) AS at) t
       RETURNING id)
       SELECT min(id) AS first FROM made`,
      [now],
    );
    await q(
      `INSERT INTO answers (question_id, author_id, author_kind, body, body_html, score, created_at, updated_at)
       SELECT qu.id, ${user('qu.id * 5 + k')}, CASE WHEN k = 4 THEN 'STAFF' ELSE 'PEER' END, a.body, '<p>' || a.body || '</p>',
              ${spread('qu.id + k', 10)} - 2, qu.created_at + make_interval(hours => k * 3), qu.created_at + make_interval(hours => k * 3)
         FROM questions qu, generate_series(1, qu.answer_count) k,
              LATERAL (SELECT 'Try resetting the ' || ${word('qu.id + k')} || ', then check the ' || ${word('qu.id / 3 + k')} || ' settings.' AS body) a
        WHERE qu.id >= ${q0}`,
    );
    await q(
      `UPDATE questions qu SET accepted_answer_id = a.id, solved_at = a.created_at + interval '1 day'
         FROM answers a WHERE a.question_id = qu.id AND qu.status = 'SOLVED' AND a.created_at = qu.created_at + interval '3 hours' AND qu.category_id = ${c0}`,
    );
    await q(
      `INSERT INTO comments (question_id, target_type, target_id, author_id, author_kind, body, body_html, created_at, updated_at)
       SELECT id, 'QUESTION', id, ${user('id * 3')}, 'PEER', 'Which model is it?', '<p>Which model is it?</p>', created_at + interval '1 hour', created_at + interval '1 hour'
         FROM questions WHERE id >= ${q0}
       UNION ALL
       SELECT question_id, 'ANSWER', id, ${user('id * 7')}, 'PEER', 'That worked, thanks.', '<p>That worked, thanks.</p>', created_at + interval '2 hours', created_at + interval '2 hours'
         FROM answers WHERE id % 2 = 0`,
    );
    await q(
      `INSERT INTO votes (user_id, target_type, target_id, value, created_at, updated_at)
       SELECT ${user('id * 11')}, 'ANSWER', id, CASE WHEN id % 7 = 0 THEN -1 ELSE 1 END, created_at, created_at FROM answers WHERE id % 2 = 0
       UNION ALL
       SELECT ${user('id * 13')}, 'QUESTION', id, 1, created_at, created_at FROM questions WHERE id % 3 = 0 AND id >= ${q0}
       ON CONFLICT DO NOTHING`,
    );
    await q(
      `INSERT INTO question_views (question_id, viewed_at, viewer_id, by_asker)
       SELECT id, created_at + make_interval(hours => k), CASE WHEN k = 1 THEN NULL ELSE ${user('id * 17 + k')} END, false
         FROM questions, generate_series(1, 2) k WHERE id >= ${q0}`,
    );
    await q(
      `INSERT INTO notifications (user_id, kind, question_id, actor_id, payload, created_at, read_at)
       SELECT qu.author_id, 'ANSWER_POSTED', qu.id, a.author_id, jsonb_build_object('message', 'Someone answered your question.'), a.created_at, CASE WHEN a.id % 3 = 0 THEN NULL ELSE a.created_at END
         FROM answers a JOIN questions qu ON qu.id = a.question_id`,
    );
    await q(
      `INSERT INTO reputation_events (user_id, delta, kind, question_id, answer_id, actor_id, created_at)
       SELECT a.author_id, 10, 'ANSWER_UPVOTED', a.question_id, a.id, v.user_id, v.created_at
         FROM votes v JOIN answers a ON v.target_type = 'ANSWER' AND a.id = v.target_id WHERE v.value = 1`,
    );
    // Escalations of every twentieth question; those of every two-hundredth still open, due in the coming days.
    await q(
      `INSERT INTO escalations (question_id, reason, escalated_at, staff_response_hours, staff_due_at, closed_at, close_reason, first_staff_response_at)
       SELECT id, 'UNANSWERED_TIMEOUT', created_at + interval '1 day', 4,
              CASE WHEN id % 200 = 0 THEN $1::timestamptz + make_interval(mins => ${spread('id', 5000)}) ELSE created_at + interval '1 day 4 hours' END,
              CASE WHEN id % 200 = 0 THEN NULL ELSE created_at + interval '2 days' END, CASE WHEN id % 200 = 0 THEN NULL ELSE 'SOLVED' END,
              CASE WHEN id % 200 = 0 THEN NULL ELSE created_at + interval '1 day 2 hours' END
         FROM questions WHERE id % 20 = 0 AND id >= ${q0}`,
      [now],
    );
    await q(`UPDATE questions SET status = 'ESCALATED' WHERE id IN (SELECT question_id FROM escalations WHERE closed_at IS NULL)`);
    await q(
      `INSERT INTO escalation_events (escalation_id, question_id, type, reason, at)
       SELECT id, question_id, 'ESCALATED', reason, escalated_at FROM escalations`,
    );
    // Review items on every fiftieth answer, flagged, a tenth still open; audit entries for the decided ones.
    await q(
      `WITH items AS (
         INSERT INTO review_items (target_type, target_id, question_id, author_id, reason, state, created_at, decision, decided_by, decided_at)
         SELECT 'ANSWER', id, question_id, author_id, 'FLAGGED', CASE WHEN id % 500 = 0 THEN 'OPEN' ELSE 'RESOLVED' END, created_at,
                CASE WHEN id % 500 = 0 THEN NULL ELSE 'APPROVE' END, CASE WHEN id % 500 = 0 THEN NULL ELSE ${u0}::bigint END,
                CASE WHEN id % 500 = 0 THEN NULL ELSE created_at + interval '1 day' END
           FROM answers WHERE id % 50 = 0
         RETURNING id, target_type, target_id, question_id, created_at, state)
       INSERT INTO flags (target_type, target_id, question_id, flagger_id, reason, weight, created_at, review_item_id, outcome, decided_at)
       SELECT target_type, target_id, question_id, ${user('id * 19')}, 'SPAM', 1, created_at, id,
              CASE WHEN state = 'OPEN' THEN NULL ELSE 'DECLINED' END, CASE WHEN state = 'OPEN' THEN NULL ELSE created_at + interval '1 day' END
         FROM items`,
    );
    await q(
      `INSERT INTO audit_log (actor_id, action, target_type, target_id, created_at, reason)
       SELECT decided_by, 'REVIEW_DECIDED', 'REVIEW_ITEM', id::text, decided_at, 'seeded' FROM review_items WHERE decided_at IS NOT NULL`,
    );
    await q(`SELECT category_counts_recount()`);
  });
  await db.transaction(async (em) => {
    await em.query('SET LOCAL statement_timeout = 0');
    await em.query('ANALYZE');
  });
}
