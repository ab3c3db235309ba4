import { Client } from 'pg';
import { logged } from '../support/log-capture';
import { expectError, expectInvalid, TestApp, type TestUser } from '../support/test-app';

// What a careless or hostile client gets for bytes no form would send: a stable code, nothing written, and
// one line in the log rather than a stack trace.

/** Sends a raw body to /graphql, as any HTTP client can, and reads the answer as JSON. */
async function raw(app: TestApp, init: { method?: string; headers?: Record<string, string>; body?: string | Buffer; query?: string }) {
  const response = await fetch(`${app.baseUrl}/graphql${init.query ?? ''}`, { method: init.method ?? 'POST', headers: init.headers, body: init.body });
  const text = await response.text();
  return { status: response.status, body: JSON.parse(text) as { data?: unknown; errors?: Array<{ message: string; extensions: { code: string; fields?: Array<{ field: string }> } }> } };
}

describe('hostile clients', () => {
  let app: TestApp;
  let member: TestUser;
  let categoryId: string;

  beforeAll(async () => {
    app = await TestApp.start();
    member = await app.member();
    categoryId = (await app.category()).id;
  });
  afterAll(async () => { await app.close(); });

  const ASK = `mutation ($input: AskQuestionInput!) { askQuestion(input: $input) { id } }`;
  const question = (overrides: Record<string, unknown>) => ({ input: { categoryId, title: 'My router keeps dropping', body: 'Every evening the connection drops.', tags: [], ...overrides } });

  describe('control characters in text', () => {
    it('refuses a NUL byte in a variable with VALIDATION_FAILED naming the field, and writes nothing', async () => {
      const before = await app.count('questions');
      expectInvalid(await app.gql(ASK, question({ title: 'My router\u0000 keeps dropping' }), member), ['title']);
      expectInvalid(await app.gql(ASK, question({ body: 'Drops\u0000 every evening, sadly.', tags: ['wi\u0000fi'] }), member), ['body', 'tags']);
      expect(await app.count('questions')).toBe(before);
    });

    it('refuses one written in the operation itself, in any argument, whichever resolver takes it', async () => {
      const moderator = await app.userWithRole('MODERATOR');
      const { id } = await app.ask(member, categoryId);
      expectInvalid(await app.gql(`mutation { escalateQuestion(questionId: "${id}", reason: "Outage\\u0000") { state } }`, {}, moderator), ['reason']);
      expectInvalid(await app.gql(`{ search(query: "router\\u001b[2J") { totalCount } }`), ['query']);
      expectInvalid(await app.gql(`mutation ($text: String!) { setAnnouncement(message: $text) { message } }`, { text: 'Maintenance\u0007' }, await app.admin()), ['message']);
    });

    it('keeps tabs and line breaks in multi-line text, and refuses them in single-line fields', async () => {
      expect((await app.gql(ASK, question({ body: 'Line one\r\n\tLine two\nLine three' }), member)).errors).toBeUndefined();
      expectInvalid(await app.gql(ASK, question({ title: 'My router\nkeeps dropping' }), member), ['title']);
    });

    it('answers the bytes a client sends in a raw JSON body: an escaped NUL is VALIDATION_FAILED, a bare one is not JSON', async () => {
      const headers = { 'content-type': 'application/json', authorization: `Bearer ${member.token}` };
      const escaped = `{"query":"mutation ($input: AskQuestionInput!) { askQuestion(input: $input) { id } }","variables":{"input":{"categoryId":"${categoryId}","title":"Nul \\u0000 here","body":"A body long enough to pass.","tags":[]}}}`;
      const refused = await raw(app, { headers, body: escaped });
      expect(refused.body.errors?.map((e) => [e.extensions.code, e.extensions.fields?.map((f) => f.field)])).toEqual([['VALIDATION_FAILED', ['title']]]);
      const bare = await raw(app, { headers, body: Buffer.from(escaped.replace('\\u0000', '\u0000')) });
      expect(bare.status).toBe(400);
      expect(bare.body.errors?.map((e) => e.extensions.code)).toEqual(['BAD_REQUEST']);
    });
  });

  describe('requests GraphQL cannot read', () => {
    it('answers a malformed JSON body with BAD_REQUEST, in one log line', async () => {
      let response!: Awaited<ReturnType<typeof raw>>;
      const log = await logged(async () => {
        response = await raw(app, { headers: { 'content-type': 'application/json' }, body: '{"query": "{ __typename "' });
      });
      expect(response.status).toBe(400);
      expect(response.body.errors?.map((e) => e.extensions.code)).toEqual(['BAD_REQUEST']);
      expect(response.body.errors![0].message).toMatch(/not valid JSON/);
      expect(log).not.toMatch(/\n\s+at /);
      expect(log.trim().split('\n').length).toBeLessThanOrEqual(1);
    });

    it('answers a GET with no query, and a POST with no query, with BAD_REQUEST, not an internal error', async () => {
      let responses: Array<Awaited<ReturnType<typeof raw>>> = [];
      const log = await logged(async () => {
        responses = [
          await raw(app, { method: 'GET', headers: { accept: 'application/json' } }),
          await raw(app, { headers: { 'content-type': 'application/json' }, body: '{"variables": {}}' }),
        ];
      });
      for (const response of responses) {
        expect(response.status).toBe(400);
        expect(response.body.errors?.map((e) => e.extensions.code)).toEqual(['BAD_REQUEST']);
        expect(response.body.errors![0].message).toMatch(/query/);
      }
      expect(log).not.toMatch(/\n\s+at /);
      expect(log.trim().split('\n').filter(Boolean).length).toBeLessThanOrEqual(2);
    });

    it('answers a form posted from another site with FORBIDDEN_ORIGIN, and runs nothing', async () => {
      const before = await app.count('questions');
      const form = `query=${encodeURIComponent(`mutation { askQuestion(input: { categoryId: "${categoryId}", title: "Posted by a form", body: "From another site entirely.", tags: [] }) { id } }`)}`;
      for (const contentType of ['application/x-www-form-urlencoded', 'text/plain', 'multipart/form-data; boundary=x']) {
        const response = await raw(app, { headers: { 'content-type': contentType, origin: 'https://evil.example', cookie: 'x=1' }, body: form });
        expect(response.body.errors?.map((e) => e.extensions.code)).toEqual(['FORBIDDEN_ORIGIN']);
      }
      expect(await app.count('questions')).toBe(before);
    });
  });
});

describe('the statement timeout', () => {
  let app: TestApp;

  beforeAll(async () => { app = await TestApp.start({ STATEMENT_TIMEOUT_MS: '300' }); });
  afterAll(async () => { await app.close(); });

  it('answers SERVICE_UNAVAILABLE with a retry hint when a statement waits past STATEMENT_TIMEOUT_MS, changes nothing, and the same request succeeds later', async () => {
    const member = await app.member();
    const question = await app.ask(member, (await app.category()).id);
    const other = await app.member();
    // Someone else's long transaction holds the question (a hand-written statement, a slow migration…).
    const holder = new Client({ connectionString: app.databaseUrl });
    await holder.connect();
    const post = () => app.gql(`mutation ($input: PostAnswerInput!) { postAnswer(input: $input) { id } }`, { input: { questionId: question.id, body: 'Restart the router, then wait a minute.' } }, other);
    try {
      await holder.query('BEGIN');
      await holder.query('SELECT 1 FROM questions WHERE id = $1 FOR UPDATE', [question.id]);
      const error = expectError(await post(), 'SERVICE_UNAVAILABLE');
      expect(error.extensions).toMatchObject({ retryAfterSeconds: expect.any(Number) });
      expect(error.message).toMatch(/try again/i);
    } finally {
      await holder.query('ROLLBACK');
      await holder.end();
    }
    expect(await app.count('answers', 'question_id = $1', [question.id])).toBe(0);
    expect((await post()).errors).toBeUndefined();
  });

  it('is set on every connection of the API\'s request pool', async () => {
    const [{ statement_timeout }] = await app.db.query('SHOW statement_timeout');
    expect(statement_timeout).toBe('300ms');
  });
});
