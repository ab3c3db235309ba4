import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Kind, type OperationDefinitionNode, parse, print } from 'graphql';
import { Pool } from 'pg';
import type { DataSource } from 'typeorm';
import { REPO_ROOT } from '../../cli/runtime';
import { buildWeb, webBuildIsCurrent } from '../../cli/web-build';
import type { AppConfig } from '../../config/config';
import { type ScaleSeedSummary, seedScaleCommunity } from '../../seed/scale/scale-seeder';
import { capturePages } from './capture';
import { type HttpRequest, httpLoad, type LoadFigures, sqlLoad } from './load';
import { formatTable } from './report';
import { cpuMs, RssSampler, startPeerdesk } from './servers';

export interface HttpBenchOptions {
  reuse?: boolean;
  /** Length of each row. */
  seconds: number;
  /** Each row runs once at each of these concurrencies. */
  concurrency: number[];
  /** Where http-<questions>.json and .md are written. */
  outDir: string;
  /** The first of five ports on 127.0.0.1 the bench's servers listen on. */
  port: number;
  /** How deep the deep category page is, in pages of 20. */
  deepPage: number;
  /** Only the rows whose page or write name starts with one of these (all rows when absent); pages not chosen are not captured. */
  rows?: string[];
  log(message: string): void;
}

/** Everything the rows read: the seed's busiest category, its showcase thread and a word of its title. */
interface Targets {
  category: { id: string; slug: string };
  question: { id: string; title: string; answers: number };
  searchWord: string;
}

/** One line of the table. */
export interface BenchRow {
  page: string;
  /** html: the web's page (HTML; similar questions is the web's JSON endpoint for the ask form); graphql: the request(s) the web sends for it, to the API; sql: the API's statements through pg; write: a mutation. */
  via: 'html' | 'graphql' | 'sql' | 'write';
  connections: number;
  figures: LoadFigures;
  /** Page loads per second: GraphQL requests per second over the page's requests for a graphql row. */
  pagesPerSecond: number;
  /** GraphQL requests (graphql rows) or statements (sql rows) per page. */
  perPage?: number;
  rssMb?: Record<string, number>;
  /** graphql rows: pages per second over the SQL floor's; html rows: over the API's. */
  ratio?: number;
  /** write rows: rows the database committed per second, counted there. */
  committedPerSecond?: number;
  /**
   * write rows: CPU time per committed row, in ms, of the API process and of the database's backends (read from
   * /proc, so it holds on a shared machine where requests per second do not).
   */
  cpuMsPerWrite?: { api: number; database: number };
  /** graphql rows: CPU time of the API process per GraphQL request, in ms (read from /proc, so it holds on a shared machine). */
  apiCpuMsPerRequest?: number;
}

export interface HttpBenchResult {
  date: string;
  node: string;
  cpus: number;
  loadAverage: { before: number[]; after: number[] };
  questions: number;
  seconds: number;
  concurrency: number[];
  pages: Record<string, { path: string; graphqlRequests: number; statements: number }>;
  rows: BenchRow[];
}

const FIXTURE_TABLE = 'bench_http_fixture';
/** The seed's default, so every run at a size times the same community. */
const SEED = 1;

/**
 * The scale seed's community (seedScaleCommunity), seeded once and kept with `--reuse`: its summary (who
 * signs in, with which password; the busiest category; the showcase thread) is stored beside it.
 */
async function seededCommunity(dataSource: DataSource, questions: number, options: HttpBenchOptions): Promise<ScaleSeedSummary> {
  const [{ stored }] = await dataSource.query(`SELECT to_regclass($1) IS NOT NULL AS stored`, [FIXTURE_TABLE]);
  if (stored) {
    const [row] = await dataSource.query(`SELECT summary FROM ${FIXTURE_TABLE}`);
    if (options.reuse && row?.summary.questions === questions) return row.summary as ScaleSeedSummary;
    throw new Error(`The scratch database holds the HTTP bench's data for ${row?.summary.questions} questions, not ${questions}: drop it or leave out --reuse`);
  }
  const summary = await seedScaleCommunity(dataSource, { questions, seed: SEED, progress: true });
  options.log(`Seeded ${questions.toLocaleString('en')} questions in ${summary.seconds.toFixed(0)} s`);
  await dataSource.query(`CREATE TABLE ${FIXTURE_TABLE} (summary jsonb NOT NULL)`);
  await dataSource.query(`INSERT INTO ${FIXTURE_TABLE} VALUES ($1)`, [JSON.stringify(summary)]);
  await dataSource.query('VACUUM ANALYZE');
  return summary;
}

async function readTargets(dataSource: DataSource, summary: ScaleSeedSummary): Promise<Targets> {
  const [question] = await dataSource.query(`SELECT id::text AS id, title, answer_count AS answers FROM questions WHERE id = $1`, [summary.showcaseQuestion.id]);
  // Its longest word: a word the search finds in the busiest thread and others.
  const searchWord = (question.title as string).split(/[^\p{L}]+/u).sort((a, b) => b.length - a.length)[0];
  return { category: { id: summary.busiestCategory.id, slug: summary.busiestCategory.slug }, question, searchWord };
}

/** The web's own mutation, from its GraphQL document (the generated client is TypeScript the API cannot load). */
function webOperation(name: string): string {
  const document = parse(readFileSync(path.join(REPO_ROOT, 'apps/web/src/lib/graphql/community.graphql'), 'utf8'));
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION && d.name?.value === name);
  if (!operation) throw new Error(`The web sends no operation ${name}`);
  return print(operation);
}
const [LOGIN, ASK, ANSWER, VOTE, ACCEPT] = ['Login', 'AskQuestion', 'PostAnswer', 'Vote', 'AcceptAnswer'].map(webOperation);

const JSON_HEADERS = { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' };

async function graphqlOk<T>(apiUrl: string, query: string, variables: Record<string, unknown>, cookie?: string): Promise<T> {
  const response = await fetch(`${apiUrl}/graphql`, {
    method: 'POST',
    headers: { ...JSON_HEADERS, ...(cookie ? { cookie } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: Array<{ message: string }> };
  if (body.errors?.length || !body.data) throw new Error(`GraphQL: ${body.errors?.[0]?.message ?? `HTTP ${response.status}`}`);
  return body.data;
}

interface Member {
  id: string;
  cookie: string;
}

/** Every `step`-th item from `offset`, so connections sharing a list do not write the same rows. */
function share<T>(list: T[], offset: number, step: number): T[] {
  const mine = list.filter((_, at) => at % step === offset % step);
  return mine.length > 0 ? mine : list;
}

/** Cycles through `list` (never empty: a row with nothing to write is an error of the bench, not a figure). */
function cycle<T>(list: T[], what: string): () => T {
  if (list.length === 0) throw new Error(`No ${what} to write to`);
  let next = 0;
  return () => list[next++ % list.length];
}

/** Rows the database holds of what the writes add, to count committed writes. */
async function writeCounts(pool: Pool): Promise<Record<string, number>> {
  const { rows: [counts] } = await pool.query(
    `SELECT (SELECT count(*) FROM questions)::int AS ask, (SELECT count(*) FROM answers)::int AS answer,
            (SELECT count(*) FROM votes)::int AS vote, (SELECT count(*) FROM answer_acceptances)::int AS accept`);
  return counts;
}

/** CPU time used so far by the API process and by each backend of the bench's database (PostgreSQL on this machine). */
async function cpuNow(pool: Pool, apiPid: number): Promise<{ api: number; backends: Map<number, number> }> {
  const { rows } = await pool.query(`SELECT pid FROM pg_stat_activity WHERE datname = current_database()`);
  return { api: cpuMs(apiPid), backends: new Map(rows.map((row: { pid: number }) => [row.pid, cpuMs(row.pid)])) };
}

/** CPU ms per committed row between two readings (a backend that started meanwhile counts from 0; one that ended is lost). */
function cpuPerWrite(before: Awaited<ReturnType<typeof cpuNow>>, after: Awaited<ReturnType<typeof cpuNow>>, committed: number): { api: number; database: number } {
  let database = 0;
  for (const [pid, ms] of after.backends) database += ms - (before.backends.get(pid) ?? 0);
  return { api: round((after.api - before.api) / Math.max(1, committed)), database: round(database / Math.max(1, committed)) };
}

/**
 * The requests each write row's connections send. Connection i writes as member i (mod the members), so a
 * member's own rules apply (no vote on your own answer, accept only on your own question); the targets are
 * read afresh before each row, newest first, so the answers land on the questions the ask row made and the
 * votes and accepts on the answers the answer row posted.
 */
async function writeRequests(kind: string, pool: Pool, members: Member[], categoryId: string, connections: number, run: string): Promise<(connection: number) => HttpRequest[]> {
  const post = (member: Member, body: () => string): HttpRequest[] => [{ method: 'POST', path: '/graphql', headers: { ...JSON_HEADERS, cookie: member.cookie }, body }];
  const memberOf = (connection: number) => members[connection % members.length];
  // Connections that share a member split its targets.
  const split = <T>(list: T[], connection: number) => share(list, Math.floor(connection / members.length), Math.ceil(connections / members.length));
  const memberIds = members.map((member) => member.id);
  if (kind === 'ask') {
    return (connection) => {
      let n = 0;
      return post(memberOf(connection), () => JSON.stringify({
        query: ASK,
        variables: { input: { categoryId, title: `Router drops the connection every evening (${run}-${connection}-${++n})`, body: `Since the update my router loses the line around eight every evening; run ${run}, connection ${connection}, post ${n}.`, tags: [] } },
      }));
    };
  }
  if (kind === 'answer') {
    const { rows } = await pool.query(
      `SELECT q.id::text AS id, q.author_id::text AS author FROM questions q
        WHERE q.category_id = $1 AND q.deleted_at IS NULL AND q.status <> 'CLOSED' ORDER BY q.id DESC LIMIT 5000`, [categoryId]);
    return (connection) => {
      const member = memberOf(connection);
      const next = cycle(split(rows.filter((row) => row.author !== member.id), connection), 'questions');
      let n = 0;
      return post(member, () => JSON.stringify({
        query: ANSWER,
        variables: { input: { questionId: next().id, body: `Try another Wi-Fi channel, then restart the router (${run}-${connection}-${++n}).` } },
      }));
    };
  }
  if (kind === 'vote') {
    const { rows } = await pool.query(
      `SELECT a.id::text AS id, a.author_id::text AS author FROM answers a JOIN questions q ON q.id = a.question_id
        WHERE q.category_id = $1 AND a.deleted_at IS NULL AND q.deleted_at IS NULL ORDER BY a.id DESC LIMIT 20000`, [categoryId]);
    const { rows: voted } = await pool.query(`SELECT user_id::text AS voter, target_id::text AS id FROM votes WHERE target_type = 'ANSWER' AND user_id = ANY($1::bigint[])`, [memberIds]);
    const already = new Set(voted.map((row) => `${row.voter}:${row.id}`));
    return (connection) => {
      const member = memberOf(connection);
      const next = cycle(split(rows.filter((row) => row.author !== member.id && !already.has(`${member.id}:${row.id}`)), connection), 'answers to vote on');
      return post(member, () => JSON.stringify({ query: VOTE, variables: { input: { targetType: 'ANSWER', targetId: next().id, value: 1 } } }));
    };
  }
  // accept: one answer by someone else on each of the member's unsolved questions.
  const { rows } = await pool.query(
    `SELECT DISTINCT ON (q.id) a.id::text AS id, q.author_id::text AS author
       FROM questions q JOIN answers a ON a.question_id = q.id AND a.author_id <> q.author_id AND a.deleted_at IS NULL
      WHERE q.author_id = ANY($1::bigint[]) AND q.accepted_answer_id IS NULL AND q.deleted_at IS NULL AND q.status <> 'CLOSED'
      ORDER BY q.id DESC, a.id`, [memberIds]);
  return (connection) => {
    const member = memberOf(connection);
    const next = cycle(split(rows.filter((row) => row.author === member.id), connection), 'answers to accept');
    return post(member, () => JSON.stringify({ query: ACCEPT, variables: { answerId: next().id } }));
  };
}

const READ_PAGES = ['home', 'category, first page', 'category, deep page', 'question, ~20 answers', 'search', 'similar questions'] as const;
const WRITES = ['ask', 'answer', 'vote', 'accept'] as const;

/**
 * `npm run bench -- --only http`: the pages people open most and the writes they make, over HTTP against
 * `npm start`'s own API and web processes, with autocannon at each concurrency for `seconds` a row. Read
 * pages are timed three ways: the web's HTML page, the GraphQL request(s) the web sends for it (captured
 * from the web itself, anonymous), and the SQL floor (the API's statements for that page, captured with
 * their parameters, replayed through a pg Pool). Writes are the web's mutations, signed in.
 */
export async function benchHttp(dataSource: DataSource, config: AppConfig, questions: number, options: HttpBenchOptions): Promise<HttpBenchResult> {
  const loadBefore = os.loadavg();
  const summary = await seededCommunity(dataSource, questions, options);
  const targets = await readTargets(dataSource, summary);
  const databaseUrl = (dataSource.options as { url: string }).url;
  const port = options.port;
  const categoryPath = `/categories/${targets.category.slug}`;
  if (!webBuildIsCurrent(REPO_ROOT)) {
    const logFile = path.resolve(config.dataDir, 'logs', 'build.log');
    options.log(`Building the web app (log: ${logFile})`);
    await buildWeb(REPO_ROOT, logFile);
  }
  const chosen = (name: string) => !options.rows || options.rows.some((prefix) => name.startsWith(prefix));
  const pages = READ_PAGES.filter(chosen);
  if (pages.length > 0) options.log(`Capturing each page's GraphQL requests and SQL statements (category ${targets.category.slug}, question ${targets.question.id} with ${targets.question.answers} answers)`);
  const captured = pages.length === 0 ? {} : await capturePages(databaseUrl, config, { api: port + 2, recorder: port + 3, web: port + 4 }, {
    home: '/',
    'category, first page': categoryPath,
    'category, deep page': { from: categoryPath, pages: options.deepPage },
    'question, ~20 answers': `/questions/${targets.question.id}`,
    search: `/search?q=${encodeURIComponent(targets.searchWord)}`,
    'similar questions': `/ask/similar?title=${encodeURIComponent(targets.question.title)}`,
  });

  // Kept beside the figures: the bodies to replay against an API under a profiler, the statements to read.
  mkdirSync(options.outDir, { recursive: true });
  writeFileSync(path.join(options.outDir, `http-${questions}-captured.json`), `${JSON.stringify(captured, null, 2)}\n`);
  options.log('Starting npm start (API and web)');
  const servers = await startPeerdesk(databaseUrl, port, port + 1);
  const pool = new Pool({ connectionString: databaseUrl, max: Math.max(...options.concurrency) + 2 });
  const rows: BenchRow[] = [];
  try {
    const members: Member[] = [];
    for (const { email } of summary.members.slice(0, Math.max(...options.concurrency))) {
      const { login } = await graphqlOk<{ login: { token: string; user: { id: string } } }>(servers.api.url, LOGIN, { input: { email, password: summary.password } });
      members.push({ id: login.user.id, cookie: `peerdesk_session=${encodeURIComponent(login.token)}` });
    }
    const rss = new RssSampler({ api: servers.api.pid, web: servers.web.pid });
    const timed = async (run: () => Promise<LoadFigures>) => {
      rss.start();
      try {
        const figures = await run();
        return { figures, rssMb: rss.peaks() };
      } finally {
        rss.stop();
      }
    };
    const seconds = options.seconds;
    const run = Date.now().toString(36);
    for (const connections of options.concurrency) {
      for (const page of pages) {
        const { path: pagePath, graphql, statements } = captured[page];
        options.log(`${page} at ${connections}: html, graphql, sql`);
        const html = await timed(() => httpLoad(servers.web.url, connections, seconds, () => [{ method: 'GET', path: pagePath, headers: { accept: 'text/html' } }]));
        const apiCpuBefore = cpuMs(servers.api.pid);
        const api = await timed(() => httpLoad(servers.api.url, connections, seconds, () => graphql.map((body) => ({ method: 'POST', path: '/graphql', headers: JSON_HEADERS, body }))));
        const apiCpuMsPerRequest = round((cpuMs(servers.api.pid) - apiCpuBefore) / Math.max(1, api.figures.requests));
        const sql = await sqlLoad(pool, statements, connections, seconds);
        const apiPages = api.figures.perSecond / Math.max(1, graphql.length);
        rows.push(
          { page, via: 'html', connections, ...html, pagesPerSecond: html.figures.perSecond, ratio: round(html.figures.perSecond / apiPages) },
          { page, via: 'graphql', connections, ...api, pagesPerSecond: round(apiPages), perPage: graphql.length, ratio: round(apiPages / sql.perSecond), apiCpuMsPerRequest },
          { page, via: 'sql', connections, figures: sql, pagesPerSecond: sql.perSecond, perPage: statements.length },
        );
      }
      for (const kind of WRITES.filter(chosen)) {
        options.log(`${kind} at ${connections}`);
        const requests = await writeRequests(kind, pool, members, targets.category.id, connections, run);
        const before = await writeCounts(pool);
        const cpuBefore = await cpuNow(pool, servers.api.pid);
        const write = await timed(() => httpLoad(servers.api.url, connections, seconds, requests));
        const cpuAfter = await cpuNow(pool, servers.api.pid);
        const committed = (await writeCounts(pool))[kind] - before[kind];
        rows.push({
          page: kind, via: 'write', connections, ...write, pagesPerSecond: write.figures.perSecond, committedPerSecond: round(committed / write.figures.seconds),
          cpuMsPerWrite: cpuPerWrite(cpuBefore, cpuAfter, committed),
        });
      }
    }
  } finally {
    await pool.end();
    await servers.stop();
  }
  const result: HttpBenchResult = {
    date: new Date().toISOString(),
    node: process.version,
    cpus: os.cpus().length,
    loadAverage: { before: loadBefore.map(round), after: os.loadavg().map(round) },
    questions,
    seconds: options.seconds,
    concurrency: options.concurrency,
    pages: Object.fromEntries(Object.entries(captured).map(([name, page]) => [name, { path: page.path, graphqlRequests: page.graphql.length, statements: page.statements.length }])),
    rows,
  };
  const table = formatTable(result);
  mkdirSync(options.outDir, { recursive: true });
  const base = path.join(options.outDir, `http-${questions}`);
  writeFileSync(`${base}.json`, `${JSON.stringify(result, null, 2)}\n`);
  writeFileSync(`${base}.md`, table);
  process.stdout.write(`\n${table}\n`);
  options.log(`Written: ${base}.json and ${base}.md`);
  return result;
}

function round(value: number): number {
  return Number.isFinite(value) ? Math.round(value * 100) / 100 : 0;
}
