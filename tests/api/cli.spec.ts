import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildWeb, webBuildIsCurrent } from '../../apps/api/src/cli/web-build';
import { DEMO_ACCOUNTS } from '../../apps/api/src/seed/demo-accounts';
import { freeLoopbackPort } from '../../apps/api/src/search/meilisearch-server';
import { TestApp } from '../support/test-app';

// The built commands (`npm test` type-checks and builds before jest runs).
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const cli = (name: string) => fileURLToPath(new URL(`../../apps/api/dist/src/cli/${name}.js`, import.meta.url));

function run(name: string, args: string[], env: Record<string, string>) {
  const result = spawnSync(process.execPath, [cli(name), ...args], { env: { PATH: process.env.PATH ?? '', ...env }, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('command line', () => {
  let app: TestApp;
  beforeAll(async () => { app = await TestApp.start(); });
  afterAll(async () => { await app.close(); });

  it('refuses to start on bad configuration, naming each variable, with a non-zero exit', () => {
    const result = run('migrate', [], { PORT: 'eighty', DATABASE_URL: 'mysql://nope' });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('PORT="eighty" must be a whole number from 1 to 65535');
    expect(result.stderr).toContain('DATABASE_URL must be a postgres:// or postgresql:// URL');
  });

  it('creates an admin who can sign in, and refuses a second account with the same e-mail', async () => {
    const env = { DATABASE_URL: app.databaseUrl };
    const created = run('create-admin', ['--email', 'Boss@Example.com', '--password', 'a long admin password', '--name', 'Boss'], env);
    expect(created.stderr).toBe('');
    expect(created.status).toBe(0);
    const login = await app.ok<{ login: { user: { role: string; affiliation: string; email: string } } }>(
      `mutation { login(input: { email: "boss@example.com", password: "a long admin password" }) { user { role affiliation email } } }`,
    );
    expect(login.login.user).toEqual({ role: 'ADMIN', affiliation: 'EMPLOYEE', email: 'boss@example.com' });

    const again = run('create-admin', ['--email', 'boss@example.com', '--password', 'a long admin password'], env);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('already exists');
  });

  it('seeds the demo it is asked for, only into an empty database, and names the demos when asked for another', async () => {
    const env = { DATABASE_URL: app.databaseUrl };
    const unknown = run('seed', ['--demo=nonsense'], env);
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toContain('--demo=brightwave or --demo=stackexchange');

    const seeded = run('seed', ['--demo=stackexchange'], env);
    expect(seeded.stderr).toBe('');
    expect(seeded.status).toBe(0);
    const { categories } = await app.ok<{ categories: Array<{ slug: string }> }>(`{ categories { slug } }`);
    expect(categories.map((c) => c.slug)).toEqual(['community']);

    const again = run('seed', ['--demo'], env);
    expect(again.status).toBe(0);
    expect(again.stdout).toContain('already has 274 questions');

    // The scale seed wants a size, and refuses a database that holds a community (tests/api/scale-seed.spec.ts seeds one).
    const sizeless = run('seed', ['--scale'], env);
    expect(sizeless.status).toBe(1);
    expect(sizeless.stderr).toContain('--questions needs a whole number');
    const scale = run('seed', ['--scale', '--questions', '50'], env);
    expect(scale.status).toBe(1);
    expect(scale.stderr).toContain('only writes into an empty database');
  });

  it('explains a too-short password by its option name', () => {
    const result = run('create-admin', ['--email', 'x@example.com', '--password', 'short'], { DATABASE_URL: app.databaseUrl });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/--password: .*10/);
  });
});

/** Whether a process is still there (a zombie child counts as gone: it has exited). */
function alive(pid: number): boolean {
  const state = spawnSync('ps', ['-o', 'stat=', '-p', String(pid)], { encoding: 'utf8' }).stdout.trim();
  return state !== '' && !state.startsWith('Z');
}

/** The processes whose command line names `text` (the start command's children all name its DATA_DIR). */
function processesNaming(text: string): string[] {
  return spawnSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' }).stdout.split('\n').filter((line) => line.includes(text));
}

describe('npm start with SEARCH_ENGINE=meilisearch and nothing else set', () => {
  let dataDir: string;
  let start: ChildProcess | null = null;
  /** Every start of this block: one a failed test left running would hold the data folder and keep jest alive. */
  const started: ChildProcess[] = [];
  let output = '';
  beforeAll(() => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'peerdesk-start-meili-'));
    // mkdtemp makes it private; run as root, the embedded PostgreSQL works as the `postgres` user inside it.
    chmodSync(dataDir, 0o755);
  });
  afterAll(() => {
    // Only when a test failed half-way: never leave its servers behind.
    for (const child of started) if (child.pid && child.exitCode === null && child.signalCode === null) process.kill(-child.pid, 'SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  async function until<T>(what: string, probe: () => Promise<T | null>, timeoutMs: number): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = await probe().catch(() => null);
      if (value !== null) return value;
      if (start?.exitCode !== null || Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs} ms. Output:\n${output}`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }

  /**
   * No DATABASE_URL, no MEILI_HOST: a newcomer's `SEARCH_ENGINE=meilisearch npm start`. Its own process
   * group, so the test can press Ctrl-C as a terminal does (SIGINT to every process in it).
   */
  function runStart(ports: { port: number; webPort: number; pgPort: number; meiliPort: number }): Promise<number | null> {
    output = '';
    // A test that failed before stopping its start leaves it running: stop it, or this one finds the data folder in use.
    if (start?.pid && start.exitCode === null && start.signalCode === null) process.kill(-start.pid, 'SIGKILL');
    start = spawn(process.execPath, [cli('start')], {
      env: {
        PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? dataDir, SEARCH_ENGINE: 'meilisearch', DATA_DIR: dataDir,
        PORT: String(ports.port), WEB_PORT: String(ports.webPort), EMBEDDED_PG_PORT: String(ports.pgPort), MEILI_PORT: String(ports.meiliPort), NODE_ENV: 'production',
      },
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    started.push(start);
    start.stdout!.on('data', (chunk: Buffer) => { output += chunk.toString('utf8'); });
    start.stderr!.on('data', (chunk: Buffer) => { output += chunk.toString('utf8'); });
    return new Promise<number | null>((resolve) => start!.on('exit', (code) => resolve(code)));
  }

  /** Build chatter (Vite's chunk tables, SvelteKit's own "Listening on"), which belongs in the build log. */
  const CHATTER = /vite|\bkB\b|chunk|Listening on|svelte-kit/i;
  const WEB_ENTRY = path.join(ROOT, 'apps', 'web', 'build', 'index.js');

  it('runs the bundled Meilisearch beside the embedded PostgreSQL, seeds and searches the demo, and stops both on Ctrl-C', async () => {
    const ports = { port: await freeLoopbackPort(), webPort: await freeLoopbackPort(), pgPort: await freeLoopbackPort(), meiliPort: await freeLoopbackPort() };
    const exited = runStart(ports);
    const api = `http://127.0.0.1:${ports.port}`;

    // Up, with the demo's outbox pushed to Meilisearch by the API's own worker.
    const health = await until('the search backlog drained', async () => {
      const body = (await (await fetch(`${api}/healthz`)).json()) as { search: { engine: string; backlog: number } };
      return body.search.backlog === 0 ? body : null;
    }, 90_000);
    expect(health).toMatchObject({ status: 'ok', database: 'up', search: { engine: 'meilisearch', backlog: 0, oldestPendingSeconds: null } });
    expect(output).toContain(`starting the bundled Meilisearch in ${path.join(dataDir, 'meili')} on port ${ports.meiliPort}`);
    expect(output).toContain(`starting the embedded PostgreSQL in ${path.join(dataDir, 'pg')} on port ${ports.pgPort}`);
    expect(output).toMatch(/Seeded Brightwave, a year of a customer support community \(\d+ questions\)/);
    expect(output).toContain(`API: http://localhost:${ports.port}/graphql`);
    expect(output).toContain(`Web: http://localhost:${ports.webPort}`);
    expect(output).toMatch(/Demo accounts, all with the password "peerdesk-demo":\n +role +e-mail +try\n +member +siobhan@example\.com +a customer/);
    for (const account of DEMO_ACCOUNTS) expect(output).toMatch(new RegExp(`\\n +${account.role.toLowerCase()} +${account.email.replace('.', '\\.')} +`));
    expect(output).not.toMatch(/WARN|ERROR|\x1b\[/);
    expect(output).not.toMatch(CHATTER);
    // A stale web build (first run on this tree) is built with its output in the log, never on the console.
    if (output.includes('Building the web app')) {
      expect(output).toContain(`Building the web app (log: ${path.join(dataDir, 'logs', 'build.log')})`);
      expect(readFileSync(path.join(dataDir, 'logs', 'build.log'), 'utf8')).toMatch(CHATTER);
    }

    // A demo question is found by a word of its title.
    const gql = async <T>(query: string, variables: Record<string, unknown> = {}) => {
      const response = await fetch(`${api}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
      const body = (await response.json()) as { data: T; errors?: unknown };
      expect(body.errors).toBeUndefined();
      return body.data;
    };
    const [newest] = (await gql<{ questions: { edges: Array<{ node: { id: string; title: string } }> } }>(
      `{ questions(first: 1) { edges { node { id title } } } }`)).questions.edges;
    const word = newest.node.title.split(/[^\p{L}]+/u).sort((a, b) => b.length - a.length)[0];
    const found = (await gql<{ search: { totalCount: number; edges: Array<{ node: { question: { id: string }; snippet: string } }> } }>(
      `query ($q: String!) { search(query: $q, first: 50) { totalCount edges { node { question { id } snippet } } } }`, { q: word })).search;
    expect(found.edges.map((edge) => edge.node.question.id)).toContain(newest.node.id);
    expect(found.edges.some((edge) => edge.node.snippet.includes('<mark>'))).toBe(true);

    // Ctrl-C: everything it started stops, and it says so.
    const children = spawnSync('ps', ['-o', 'pid=', '--ppid', String(start!.pid)], { encoding: 'utf8' }).stdout.split('\n').map(Number).filter(Boolean);
    expect(processesNaming(dataDir).length).toBeGreaterThanOrEqual(2); // meilisearch and postgres
    process.kill(-start!.pid!, 'SIGINT');
    expect(await exited).toBe(0);
    expect(output).toContain('SIGINT: shutting down');
    expect(output).toContain('Stopped');
    expect(children.filter(alive)).toEqual([]);
    expect(processesNaming(dataDir)).toEqual([]);
  }, 150_000);

  it('starts again without rebuilding when nothing changed, printing the same addresses and accounts', async () => {
    // Run alone on a changed tree, the build happens here rather than in the start under test.
    if (!webBuildIsCurrent(ROOT)) await buildWeb(ROOT, path.join(dataDir, 'logs', 'build.log'));
    const built = statSync(WEB_ENTRY).mtimeMs;
    const ports = { port: await freeLoopbackPort(), webPort: await freeLoopbackPort(), pgPort: await freeLoopbackPort(), meiliPort: await freeLoopbackPort() };
    const exited = runStart(ports);
    await until('the API and the web app answering', async () => {
      const [health, web] = await Promise.all([fetch(`http://127.0.0.1:${ports.port}/healthz`), fetch(`http://127.0.0.1:${ports.webPort}/`)]);
      return health.status === 200 && web.status === 200 ? true : null;
    }, 60_000);
    expect(output).not.toContain('Building');
    expect(statSync(WEB_ENTRY).mtimeMs).toBe(built);
    expect(output).toContain(`Web: http://localhost:${ports.webPort}`);
    expect(output).toContain('admin@example.com');
    expect(output).not.toMatch(CHATTER);
    process.kill(-start!.pid!, 'SIGTERM');
    expect(await exited).toBe(0);
  }, 90_000);
});

describe('the web build behind npm start', () => {
  let root: string;
  beforeEach(() => {
    // A workspace of the same shape whose "build" prints like Vite and writes build/index.js.
    root = mkdtempSync(path.join(tmpdir(), 'peerdesk-web-build-'));
    mkdirSync(path.join(root, 'apps', 'web', 'src'), { recursive: true });
    writeFileSync(path.join(root, 'package.json'), JSON.stringify({ name: 'fake', private: true, workspaces: ['apps/web'] }));
    writeFileSync(path.join(root, 'apps', 'web', 'src', 'app.html'), '<html></html>');
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  function webPackage(build: string): void {
    writeFileSync(path.join(root, 'apps', 'web', 'package.json'), JSON.stringify({ name: '@fake/web', private: true, scripts: { build } }));
  }

  /** buildWeb from the built CLI in a process of its own, so whatever reaches its stdout or stderr is seen. */
  function buildInChild(log: string) {
    const script = `require(${JSON.stringify(cli('web-build'))}).buildWeb(${JSON.stringify(root)}, ${JSON.stringify(log)}).catch((e) => { console.error('REJECTED ' + e.message); process.exit(3); })`;
    return spawnSync(process.execPath, ['-e', script], { env: { PATH: process.env.PATH ?? '' }, encoding: 'utf8' });
  }

  it('builds when the build is missing or older than a source, and writes its output to the log only', () => {
    webPackage('echo ".svelte-kit/output/client/_app/immutable/chunks/x.js  12.34 kB" && mkdir -p build && echo "" > build/index.js');
    expect(webBuildIsCurrent(root)).toBe(false);
    const log = path.join(root, 'logs', 'build.log');
    const result = buildInChild(log);
    expect({ status: result.status, stdout: result.stdout, stderr: result.stderr }).toEqual({ status: 0, stdout: '', stderr: '' });
    expect(readFileSync(log, 'utf8')).toContain('chunks/x.js  12.34 kB');
    expect(webBuildIsCurrent(root)).toBe(true);

    // Editing a source makes it stale again.
    const later = new Date(Date.now() + 5000);
    utimesSync(path.join(root, 'apps', 'web', 'src', 'app.html'), later, later);
    expect(webBuildIsCurrent(root)).toBe(false);
  });

  it('fails with the end of the log when the build fails', () => {
    webPackage('echo "transforming 1200 modules" && echo "src/routes/+page.svelte:3:1 Unexpected token" >&2 && exit 1');
    const result = buildInChild(path.join(root, 'logs', 'build.log'));
    expect(result.status).toBe(3);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(`REJECTED The web app's build failed (exit code 1); the end of ${path.join(root, 'logs', 'build.log')}:`);
    expect(result.stderr).toContain('src/routes/+page.svelte:3:1 Unexpected token');
  });
});
