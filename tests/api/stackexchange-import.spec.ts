import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { importStackExchange } from '../../apps/api/src/importer/stackexchange-importer';
import { SEARCH_ENGINE, type SearchEngine } from '../../apps/api/src/search/search-engine';
import { TestApp } from '../support/test-app';

const SAMPLES = fileURLToPath(new URL('../../data/samples/stackexchange/', import.meta.url));

// The README's table of the samples.
const EXPECTED = {
  'conlang-meta': { questions: 54, answers: 115, accepted: 11, comments: 230, users: 272 },
  'french-meta': { questions: 274, answers: 487, accepted: 86, comments: 1305, users: 1703 },
} as const;

const TABLES = ['users', 'categories', 'questions', 'answers', 'answer_acceptances', 'comments', 'import_mappings', 'post_attributions'];

async function rowCounts(app: TestApp): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of TABLES) counts[table] = await app.count(table);
  return counts;
}

async function siteCounts(app: TestApp, categorySlug: string) {
  const [row] = await app.db.query(
    `SELECT count(*)::int AS questions,
            (SELECT count(*)::int FROM answers a JOIN questions q2 ON q2.id = a.question_id JOIN categories c2 ON c2.id = q2.category_id WHERE c2.slug = $1) AS answers,
            count(*) FILTER (WHERE q.accepted_answer_id IS NOT NULL)::int AS accepted,
            (SELECT count(*)::int FROM comments cm JOIN questions q3 ON q3.id = cm.question_id JOIN categories c3 ON c3.id = q3.category_id WHERE c3.slug = $1) AS comments
       FROM questions q JOIN categories c ON c.id = q.category_id WHERE c.slug = $1`,
    [categorySlug],
  );
  return row as { questions: number; answers: number; accepted: number; comments: number };
}

describe('Stack Exchange import', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await TestApp.start();
  });
  afterAll(async () => {
    await app.close();
  });

  for (const site of ['conlang-meta', 'french-meta'] as const) {
    it(`imports ${site} with the counts of the README, and a second run changes nothing`, async () => {
      const report = await importStackExchange(app.db, { searchIndex: app.provider<SearchEngine>(SEARCH_ENGINE), dir: path.join(SAMPLES, site), category: site });
      const expected = EXPECTED[site];
      expect(await siteCounts(app, site)).toEqual({
        questions: expected.questions, answers: expected.answers, accepted: expected.accepted, comments: expected.comments,
      });
      expect(report.imported).toMatchObject({ questions: expected.questions, answers: expected.answers, acceptances: expected.accepted, comments: expected.comments });
      // Tag wiki excerpts and bodies (PostTypeId 4 and 5) are counted, not dropped silently.
      expect(report.skipped['post of type 4 (neither question nor answer)']).toBeGreaterThan(0);
      expect(report.imported.users).toBeGreaterThanOrEqual(expected.users);

      const before = await rowCounts(app);
      const again = await importStackExchange(app.db, { searchIndex: app.provider<SearchEngine>(SEARCH_ENGINE), dir: path.join(SAMPLES, site), category: site });
      expect(await rowCounts(app)).toEqual(before);
      expect(again.imported).toEqual({ users: 0, questions: 0, answers: 0, acceptances: 0, comments: 0 });
      expect(again.alreadyImported).toMatchObject({ questions: expected.questions, answers: expected.answers, comments: expected.comments });
    });
  }

  it('keeps every acceptance inside its own question, and no imported question on the community clock', async () => {
    expect(await app.count('questions q JOIN answers a ON a.id = q.accepted_answer_id', 'a.question_id <> q.id')).toBe(0);
    expect(await app.count('answer_acceptances aa JOIN answers a ON a.id = aa.answer_id', 'a.question_id <> aa.question_id')).toBe(0);
    expect(await app.count('questions', "status = 'SOLVED' AND accepted_answer_id IS NULL")).toBe(0);
    expect(await app.count('questions', 'community_due_at IS NOT NULL')).toBe(0);
    expect(await app.count('questions q', `q.has_peer_answer <> EXISTS (SELECT 1 FROM answers a WHERE a.question_id = q.id AND a.author_kind = 'PEER')`)).toBe(0);
    expect(await app.count('users', 'email IS NOT NULL OR password_hash IS NOT NULL')).toBe(0);
  });

  it('shows imported posts with their attribution through the API', async () => {
    const [{ id }] = await app.db.query(
      `SELECT q.id::text FROM questions q JOIN categories c ON c.id = q.category_id WHERE c.slug = 'french-meta' AND q.accepted_answer_id IS NOT NULL ORDER BY q.id LIMIT 1`,
    );
    const data = await app.ok<{ question: any }>(
      `query ($id: ID!) { question(id: $id) { title bodyHtml status attribution { source authorName licence url } acceptedAnswer { attribution { source authorName licence } } } }`,
      { id },
    );
    expect(data.question.status).toMatch(/SOLVED|CLOSED/);
    expect(data.question.attribution).toMatchObject({ source: 'french.meta.stackexchange.com', licence: expect.stringMatching(/^CC BY-SA/) });
    expect(data.question.attribution.url).toMatch(/^https:\/\/french\.meta\.stackexchange\.com\/q\/\d+$/);
    expect(data.question.acceptedAnswer.attribution.authorName).not.toBe('');
    expect(data.question.bodyHtml).not.toMatch(/<script/i);
  });

  it('keeps imported history off the community clock when a member answers it later; a moderator can still escalate it', async () => {
    const [{ id }] = await app.db.query(
      `SELECT q.id::text FROM questions q JOIN categories c ON c.id = q.category_id
        WHERE c.slug = 'conlang-meta' AND q.status IN ('OPEN', 'ANSWERED') AND q.accepted_answer_id IS NULL ORDER BY q.id LIMIT 1`,
    );
    const [member, staff, moderator] = [await app.member('Late helper'), await app.userWithRole('STAFF'), await app.userWithRole('MODERATOR', 'COMMUNITY')];
    await app.setTrustLevel(member, 'MEMBER');
    await app.answer(member, id);
    expect(await app.count('questions', 'id = $1 AND community_due_at IS NOT NULL', [id])).toBe(0);

    // Past every window of the category, counted from now (the question itself is years old).
    const [{ hours }] = await app.db.query(
      `SELECT greatest(c.peer_window_hours, c.unsolved_window_hours) AS hours FROM questions q JOIN categories c ON c.id = q.category_id WHERE q.id = $1`, [id]);
    app.clock.advance((hours + 1) * 3600);
    const response = await fetch(`${app.baseUrl}/test/sweep`, { method: 'POST' });
    expect(((await response.json()) as { escalated: string[] }).escalated).not.toContain(id);
    expect(await app.count('escalations', 'question_id = $1', [id])).toBe(0);
    expect(await app.count('notifications', 'user_id = $1', [staff.id])).toBe(0);

    const escalated = await app.ok<{ escalateQuestion: { reason: string } }>(
      `mutation ($q: ID!, $r: String!) { escalateQuestion(questionId: $q, reason: $r) { reason } }`, { q: id, r: 'Still relevant in 2026' }, moderator);
    expect(escalated.escalateQuestion.reason).toBe('MODERATOR');
  });

  it('resumes an import stopped halfway and ends with the same counts', async () => {
    const dir = path.join(SAMPLES, 'conlang-meta');
    let batches = 0;
    await expect(
      importStackExchange(app.db, { searchIndex: app.provider<SearchEngine>(SEARCH_ENGINE),
        dir, category: 'resumed', site: 'resumed.example', batchSize: 40,
        onProgress: ({ file }) => {
          if (file === 'answers' && ++batches === 2) throw new Error('killed');
        },
      }),
    ).rejects.toThrow('killed');
    const partial = await siteCounts(app, 'resumed');
    expect(partial.questions).toBe(54);
    expect(partial.answers).toBeLessThan(115);
    await importStackExchange(app.db, { searchIndex: app.provider<SearchEngine>(SEARCH_ENGINE), dir, category: 'resumed', site: 'resumed.example' });
    expect(await siteCounts(app, 'resumed')).toEqual({ questions: 54, answers: 115, accepted: 11, comments: 230 });
  });

  it('marks the answers of --employees as STAFF', async () => {
    const dir = path.join(SAMPLES, 'conlang-meta');
    const top: Array<{ id: string }> = await app.db.query(
      `SELECT m.source_id AS id FROM answers a JOIN import_mappings m ON m.kind = 'user' AND m.target_id = a.author_id AND m.source = 'conlang.meta.stackexchange.com'
        WHERE m.source_id NOT LIKE 'name:%' GROUP BY m.source_id ORDER BY count(*) DESC, m.source_id LIMIT 2`,
    );
    await importStackExchange(app.db, { searchIndex: app.provider<SearchEngine>(SEARCH_ENGINE), dir, category: 'staffed', site: 'staffed.example', employees: top.map((t) => t.id) });
    const kinds: Array<{ employee: boolean; author_kind: string }> = await app.db.query(
      `SELECT DISTINCT (m.source_id = ANY($1)) AS employee, a.author_kind
         FROM answers a JOIN import_mappings m ON m.source = 'staffed.example' AND m.kind = 'user' AND m.target_id = a.author_id
        ORDER BY 1, 2`,
      [top.map((t) => t.id)],
    );
    expect(kinds).toEqual([{ employee: false, author_kind: 'PEER' }, { employee: true, author_kind: 'STAFF' }]);
    expect(await app.count("users u JOIN import_mappings m ON m.target_id = u.id AND m.kind = 'user' AND m.source = 'staffed.example'", "u.affiliation = 'EMPLOYEE'")).toBe(2);
  });

  it('stops at malformed XML naming the file and line, with no partial post', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'se-broken-'));
    try {
      const lines = readFileSync(path.join(SAMPLES, 'conlang-meta', 'Posts.xml'), 'utf8').split('\n');
      // Line 11: a question row cut off in the middle of its Body attribute.
      const brokenLine = 11;
      lines[brokenLine - 1] = lines[brokenLine - 1].slice(0, 200).replace(/"/g, '') + ' <oops';
      writeFileSync(path.join(dir, 'Posts.xml'), lines.join('\n'));
      const error = await importStackExchange(app.db, { searchIndex: app.provider<SearchEngine>(SEARCH_ENGINE), dir, category: 'broken', site: 'broken.example', batchSize: 5 }).catch((e: Error) => e);
      expect(error).toBeInstanceOf(Error);
      expect((error as Error).message).toContain(path.join(dir, 'Posts.xml'));
      expect((error as Error).message).toMatch(new RegExp(`line ${brokenLine}\\b`));
      const brokenId = lines[brokenLine - 1].match(/Id=(\d+)/)?.[1];
      expect(await app.count('import_mappings', "source = 'broken.example' AND kind = 'question' AND source_id = $1", [brokenId])).toBe(0);
      // Whatever got in came in whole: every imported question has its mapping and its attribution.
      expect(await app.count("questions q JOIN categories c ON c.id = q.category_id AND c.slug = 'broken'",
        `NOT EXISTS (SELECT 1 FROM post_attributions pa WHERE pa.target_type = 'QUESTION' AND pa.target_id = q.id)`)).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
