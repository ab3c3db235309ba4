import type { INestApplication, Type } from '@nestjs/common';
import type { Role, Affiliation } from '@peerdesk/domain';
import { DataSource } from 'typeorm';
import { AdjustableClock } from '../../apps/api/src/common/clock';
import { type AppConfig, loadConfig } from '../../apps/api/src/config/config';
import { createDataSource } from '../../apps/api/src/database/data-source';
import type { StatementCounter } from '../../apps/api/src/database/statement-counter';
import { createApi } from '../../apps/api/src/main';
import { ViewRecorder } from '../../apps/api/src/questions/view-recorder';
import { createTestDatabase, type TestDatabase } from './test-database';

export interface GraphQLResponse<T = Record<string, any>> {
  status: number;
  data: T | null;
  errors?: Array<{ message: string; path?: string[]; extensions: { code: string; fields?: Array<{ field: string; message: string }>; limit?: number; cost?: number; retryAfterSeconds?: number } }>;
  headers: Headers;
}

/** Every account the harness registers uses this password. */
export const PASSWORD = 'correct horse battery';

/** How a request proves who it is: a bearer token (API clients) or a raw Cookie header (browsers). */
export interface Auth {
  token?: string;
  cookie?: string;
  /** Sent as X-Forwarded-For: the client address an app started with TRUST_PROXY=loopback counts the request as. */
  forwardedFor?: string;
}

export type VoteTarget = 'QUESTION' | 'ANSWER';

export interface TestUser {
  id: string;
  token: string;
  email: string;
  displayName: string;
}

export interface ThreadCast {
  categoryId: string;
  asker: TestUser;
  helper: TestUser;
  bystander: TestUser;
  moderator: TestUser;
  staff: TestUser;
}

/** The real API on a database of its own, listening on a loopback port, with a clock tests can move. */
export class TestApp {
  private counter = 0;

  private constructor(
    readonly baseUrl: string,
    readonly clock: AdjustableClock,
    readonly db: DataSource,
    private readonly app: INestApplication,
    private readonly database: TestDatabase,
  ) {}

  /**
   * With `sameDatabaseAs`, a second API instance on the first one's database and clock (as several
   * instances behind a load balancer); the database is dropped by the first one's close(), so close this one first.
   * `passwordHashCost` sets what NODE_ENV=test otherwise makes `least` (a test of the sign-in's timing needs the real cost).
   */
  static async start(
    env: Record<string, string> = {},
    { sameDatabaseAs, passwordHashCost }: { sameDatabaseAs?: TestApp; passwordHashCost?: AppConfig['passwordHashCost'] } = {},
  ): Promise<TestApp> {
    const database = sameDatabaseAs ? { url: sameDatabaseAs.databaseUrl, drop: async () => undefined } : await createTestDatabase();
    // The first-post hold and the spam checks are off unless a test turns them on: the harness's members are NEW, post
    // the same default bodies, and most tests are about something else than moderation (tests/api/review.spec.ts sets
    // NEW_MEMBER_REVIEW_POSTS, tests/api/spam-checks.spec.ts SPAM_CHECKS). So is the page cache (tests/api/page-cache.spec.ts
    // turns it on): an anonymous read right after a write would race the write's NOTIFY.
    const loaded = loadConfig({ NODE_ENV: 'test', NEW_MEMBER_REVIEW_POSTS: '0', SPAM_CHECKS: 'off', PAGE_CACHE_SECONDS: '0', ...env });
    const config = passwordHashCost ? { ...loaded, passwordHashCost } : loaded;
    const dataSource = createDataSource(database.url, 5, { statementTimeoutMs: config.statementTimeoutMs, countStatements: config.countSqlStatements });
    await dataSource.initialize();
    const clock = sameDatabaseAs?.clock ?? new AdjustableClock();
    const app = await createApi({ config, dataSource, clock });
    await app.listen(0, '127.0.0.1');
    const address = app.getHttpServer().address() as { port: number };
    return new TestApp(`http://127.0.0.1:${address.port}`, clock, dataSource, app, database);
  }

  /** A provider of the running app (a worker to drain, the event bus), for what no client can reach. */
  provider<T>(token: Type<T> | symbol): T {
    return this.app.get(token);
  }

  /** Writes the question views this instance has buffered (as a report does before it counts them). */
  flushViews(): Promise<void> {
    return this.provider(ViewRecorder).flush();
  }

  /** A question's views as written (each instance's buffered views appear once it flushes). */
  async viewCount(questionId: string): Promise<number> {
    const rows: Array<{ n: number }> = await this.db.query(`SELECT view_count AS n FROM questions WHERE id = $1`, [questionId]);
    return rows[0].n;
  }

  /** The connection URL of this app's own database, for commands run beside it. */
  get databaseUrl(): string {
    return this.database.url;
  }

  /** Safe after a test destroyed the DataSource itself (e.g. to simulate a database outage). */
  async close(): Promise<void> {
    await this.app.close();
    if (this.db.isInitialized) await this.db.destroy();
    await this.database.drop();
  }

  /** A plain HTTP GET, for the non-GraphQL endpoints. */
  async get(path: string): Promise<{ status: number; body: unknown }> {
    const response = await fetch(`${this.baseUrl}${path}`);
    const text = await response.text();
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      // not JSON: keep the text
    }
    return { status: response.status, body };
  }

  /** The SQL statements this instance sent while `request` ran (started with COUNT_SQL_STATEMENTS=on). */
  async statementsDuring(request: () => Promise<unknown>): Promise<number> {
    const counter = this.db.logger as StatementCounter;
    const from = counter.statements.length;
    await request();
    return counter.statements.length - from;
  }

  /** Rows in a table (optionally matching a WHERE clause): proves what was, or was not, written. */
  async count(table: string, where = 'true', params: unknown[] = []): Promise<number> {
    const rows: Array<{ n: number }> = await this.db.query(`SELECT count(*)::int AS n FROM ${table} WHERE ${where}`, params);
    return rows[0].n;
  }

  /** POSTs a GraphQL operation as a client would, with a bearer token or a raw cookie header. */
  async gql<T = Record<string, any>>(
    query: string,
    variables: Record<string, unknown> = {},
    auth: Auth = {},
  ): Promise<GraphQLResponse<T>> {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (auth.token) headers.authorization = `Bearer ${auth.token}`;
    if (auth.cookie) headers.cookie = auth.cookie;
    if (auth.forwardedFor) headers['x-forwarded-for'] = auth.forwardedFor;
    const response = await fetch(`${this.baseUrl}/graphql`, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
    const body = (await response.json()) as { data?: T; errors?: GraphQLResponse['errors'] };
    return { status: response.status, data: body.data ?? null, errors: body.errors, headers: response.headers };
  }

  /** Like gql, but fails the test with the API's errors when there are any. */
  async ok<T = Record<string, any>>(query: string, variables: Record<string, unknown> = {}, auth: Auth = {}): Promise<T> {
    const response = await this.gql<T>(query, variables, auth);
    if (response.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(response.errors, null, 2)}`);
    return response.data as T;
  }

  /** Registers a member through the public API: registers, then follows the e-mailed link (`from`: the client address it registers from, with TRUST_PROXY=loopback). */
  async member(displayName?: string, from?: string): Promise<TestUser> {
    const n = ++this.counter;
    const email = `user${n}.${Date.now()}@example.com`;
    const name = displayName ?? `Member ${n}`;
    await this.ok(`mutation ($input: RegisterInput!) { register(input: $input) }`, { input: { email, displayName: name, password: PASSWORD } }, { forwardedFor: from });
    const token = await this.mailedToken(email, '/register/confirm');
    // The link was read: the harness stands in for the mail server that delivered it, so tests that
    // count what the outbox sends count only the mail they are about.
    await this.db.query(`UPDATE email_outbox SET status = 'SENT', sent_at = $2 WHERE to_address = $1 AND user_id IS NULL AND status = 'PENDING'`, [email, this.clock.now()]);
    const data = await this.ok<{ confirmRegistration: { token: string; user: { id: string } } }>(
      `mutation ($token: String!) { confirmRegistration(token: $token) { token user { id } } }`,
      { token },
    );
    return { id: data.confirmRegistration.user.id, token: data.confirmRegistration.token, email, displayName: name };
  }

  /** The e-mails queued for an address (the outbox), oldest first: what its owner would read. */
  async mailsTo(email: string): Promise<Array<{ subject: string; body: string }>> {
    return this.db.query(`SELECT subject, body FROM email_outbox WHERE to_address = $1 ORDER BY id`, [email.trim().toLowerCase()]);
  }

  /** The token of the newest link to `path` e-mailed to `email`; fails when there is none. */
  async mailedToken(email: string, path: string): Promise<string> {
    const pattern = new RegExp(`${path.replace(/[/]/g, '\\/')}\\?token=([A-Za-z0-9_%-]+)`);
    const tokens = (await this.mailsTo(email)).map((mail) => pattern.exec(mail.body)?.[1]).filter((t): t is string => !!t);
    if (tokens.length === 0) throw new Error(`No e-mail to ${email} links to ${path}`);
    return decodeURIComponent(tokens[tokens.length - 1]);
  }

  /**
   * A user with a role. The first admin is made directly in the database (as `npm run create-admin`
   * does); every other role change goes through the admin-only mutation.
   */
  async userWithRole(role: Role, affiliation?: Affiliation, displayName?: string): Promise<TestUser> {
    const user = await this.member(displayName ?? `${role.toLowerCase()} ${this.counter + 1}`);
    if (role === 'MEMBER' && !affiliation) return user;
    if (role !== 'MEMBER') await this.setRole(user, role);
    if (affiliation) await this.setAffiliation(user, affiliation);
    return user;
  }

  /** Changes a user's role as the site admin would, through the API. */
  async setRole(user: { id: string }, role: Role): Promise<void> {
    await this.ok(`mutation ($id: ID!, $role: Role!) { setUserRole(userId: $id, role: $role) { id } }`, { id: user.id, role }, await this.admin());
  }

  async setAffiliation(user: { id: string }, affiliation: Affiliation): Promise<void> {
    await this.ok(
      `mutation ($id: ID!, $a: Affiliation!) { setUserAffiliation(userId: $id, affiliation: $a) { id } }`,
      { id: user.id, a: affiliation },
      await this.admin(),
    );
  }

  /**
   * Sets a member's trust level (locked) as a moderator would, through the API: for an account a test
   * posts with many times within an hour, which a NEW member's rate limits would refuse.
   */
  async setTrustLevel(user: { id: string }, level: 'NEW' | 'BASIC' | 'MEMBER' | 'REGULAR' | 'LEADER'): Promise<void> {
    await this.ok(
      `mutation ($id: ID!, $level: TrustLevel!) { setTrustLevel(userId: $id, level: $level, reason: "set by the test harness") { id } }`,
      { id: user.id, level },
      await this.admin(),
    );
  }

  private adminUser: TestUser | null = null;

  async admin(): Promise<TestUser> {
    if (this.adminUser) return this.adminUser;
    const user = await this.member('Site Admin');
    await this.db.query(`UPDATE users SET role = 'ADMIN', affiliation = 'EMPLOYEE' WHERE id = $1`, [user.id]);
    this.adminUser = user;
    return user;
  }

  /** The people a thread's tests act with (an asker, a helper who answers, a bystander, a moderator, staff) and a category to ask in. */
  async threadCast(): Promise<ThreadCast> {
    return {
      categoryId: (await this.category()).id,
      asker: await this.member('Asker'),
      helper: await this.member('Helper'),
      bystander: await this.member('Bystander'),
      moderator: await this.userWithRole('MODERATOR'),
      staff: await this.userWithRole('STAFF'),
    };
  }

  async category(overrides: Record<string, unknown> = {}): Promise<{ id: string; slug: string }> {
    const n = ++this.counter;
    const data = await this.ok<{ createCategory: { id: string; slug: string } }>(
      `mutation ($input: CreateCategoryInput!) { createCategory(input: $input) { id slug } }`,
      { input: { name: `Category ${n}`, slug: `category-${n}`, description: 'Test category', ...overrides } },
      await this.admin(),
    );
    return data.createCategory;
  }

  async ask(asker: TestUser, categoryId: string, overrides: Record<string, unknown> = {}): Promise<{ id: string; status: string }> {
    const n = ++this.counter;
    const data = await this.ok<{ askQuestion: { id: string; status: string } }>(
      `mutation ($input: AskQuestionInput!) { askQuestion(input: $input) { id status } }`,
      { input: { categoryId, title: `My router number ${n} keeps dropping`, body: 'Every evening around 8pm the connection drops for a minute.', tags: [], ...overrides } },
      asker,
    );
    return data.askQuestion;
  }

  async answer(author: TestUser, questionId: string, body = 'Try a factory reset of the router, then re-pair.'): Promise<{ id: string; authorKind: string }> {
    const data = await this.ok<{ postAnswer: { id: string; authorKind: string } }>(
      `mutation ($input: PostAnswerInput!) { postAnswer(input: $input) { id authorKind } }`,
      { input: { questionId, body } },
      author,
    );
    return data.postAnswer;
  }

  /** Casts (or with 0 takes back) a vote; returns the raw response so tests can check refusals too. */
  vote(voter: Auth, targetType: VoteTarget, targetId: string, value: number): Promise<GraphQLResponse<{ vote: { score: number; viewerVote: number } }>> {
    return this.gql(
      `mutation ($input: VoteInput!) { vote(input: $input) { score viewerVote } }`,
      { input: { targetType, targetId, value } },
      voter,
    );
  }

  /** Accepts an answer and returns the question as the mutation reports it. */
  acceptAnswer(actor: Auth, answerId: string): Promise<GraphQLResponse<{ acceptAnswer: { id: string; status: string; solvedAt: string | null } }>> {
    return this.gql(`mutation ($id: ID!) { acceptAnswer(answerId: $id) { id status solvedAt } }`, { id: answerId }, actor);
  }
}

/** Asserts a GraphQL failure by its stable code, returning the error for further checks. */
export function expectError(response: GraphQLResponse, code: string) {
  expect(response.errors?.map((e) => e.extensions.code)).toEqual([code]);
  return response.errors![0];
}

/** Asserts VALIDATION_FAILED naming exactly these fields (in order, repeats included), returning the field errors. */
export function expectInvalid(response: GraphQLResponse, fields: string[]) {
  const error = expectError(response, 'VALIDATION_FAILED');
  expect(error.extensions.fields?.map((f) => f.field)).toEqual(fields);
  return error.extensions.fields!;
}
