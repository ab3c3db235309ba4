import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Client } from 'pg';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

// `npm run bench -- --only http` end to end at a tiny size, so the bench cannot rot unnoticed: every page and
// write gets its rows, none fails, and the JSON has the shape docs/bench/ holds. No figure is asserted.
describe('the HTTP bench', () => {
  const database = `peerdesk_httpbench_${randomBytes(4).toString('hex')}`;
  const out = mkdtempSync(path.join(tmpdir(), 'peerdesk-http-bench-'));
  const adminUrl = process.env.PEERDESK_TEST_ADMIN_URL!;

  afterAll(async () => {
    rmSync(out, { recursive: true, force: true });
    const admin = new Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await admin.end();
  });

  it('times every page three ways and every write at 300 questions, without an error, into JSON and Markdown', async () => {
    const args = ['run', 'bench', '--', '--only', 'http', '--questions', '300', '--seconds', '1', '--concurrency', '2', '--out', out, '--database', database, '--port', '4360'];
    const { code, output } = await new Promise<{ code: number | null; output: string }>((resolve) => {
      const bench = spawn('npm', args, { cwd: ROOT, env: { ...process.env, DATABASE_URL: adminUrl, NODE_ENV: 'test' }, stdio: ['ignore', 'pipe', 'pipe'] });
      let text = '';
      bench.stdout.on('data', (chunk) => (text += chunk));
      bench.stderr.on('data', (chunk) => (text += chunk));
      bench.on('exit', (exitCode) => resolve({ code: exitCode, output: text }));
    });
    expect({ code, output: code === 0 ? '' : output }).toEqual({ code: 0, output: '' });

    const result = JSON.parse(readFileSync(path.join(out, 'http-300.json'), 'utf8'));
    expect(result).toMatchObject({ questions: 300, seconds: 1, concurrency: [2], cpus: expect.any(Number), node: process.version });
    expect(result.loadAverage.before).toHaveLength(3);
    expect(result.loadAverage.after).toHaveLength(3);
    const pages = ['home', 'category, first page', 'category, deep page', 'question, ~20 answers', 'search', 'similar questions'];
    expect(Object.keys(result.pages)).toEqual(pages);
    for (const page of pages) {
      expect(result.pages[page].graphqlRequests).toBeGreaterThan(0);
      expect(result.pages[page].statements).toBeGreaterThan(0);
    }
    expect(result.pages['category, deep page'].path).toMatch(/[?&]after=/);

    const rows = result.rows as Array<{ page: string; via: string; connections: number; figures: { errors: number; non2xx: number; latencyMs: object }; rssMb?: { api: number; web: number }; committedPerSecond?: number }>;
    expect(rows.map((row) => `${row.page} ${row.via}`)).toEqual([
      ...pages.flatMap((page) => ['html', 'graphql', 'sql'].map((via) => `${page} ${via}`)),
      ...['ask', 'answer', 'vote', 'accept'].map((write) => `${write} write`),
    ]);
    for (const row of rows) {
      expect({ row: `${row.page} ${row.via}`, errors: row.figures.errors, non2xx: row.figures.non2xx }).toEqual({ row: `${row.page} ${row.via}`, errors: 0, non2xx: 0 });
      expect(row.connections).toBe(2);
      expect(Object.keys(row.figures.latencyMs)).toEqual(['p50', 'p95', 'p99']);
      if (row.via !== 'sql') expect(row.rssMb!.api).toBeGreaterThan(0);
      if (row.via === 'write') expect(row.committedPerSecond).toEqual(expect.any(Number));
    }
    const table = readFileSync(path.join(out, 'http-300.md'), 'utf8');
    expect(table).toContain('| page | via | conc. | req/s |');
    expect(table.split('\n').filter((line) => line.startsWith('| ') && !line.startsWith('| page')).length).toBe(rows.length);
  }, 300_000);
});
