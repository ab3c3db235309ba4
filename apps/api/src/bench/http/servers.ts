import { type ChildProcess, spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../../cli/runtime';
import { WEB_ENTRY } from '../../cli/web-build';

/** A server process the bench started, with where it listens. */
export interface Server {
  pid: number;
  url: string;
}

async function waitFor(url: string, what: string, child: ChildProcess, output: () => string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`${what} exited (${child.signalCode ?? child.exitCode}):\n${output()}`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2000), redirect: 'manual' });
      if (response.status < 500) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`${what} did not answer on ${url} within ${timeoutMs / 1000} s:\n${output()}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

function collectOutput(child: ChildProcess): () => string {
  let output = '';
  const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-20_000));
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  return () => output;
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 15_000).unref())]);
  if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
}

/** The built web app (apps/web/build) alone, talking to `apiUrl` (a GraphQL endpoint). */
export async function startWebProcess(port: number, apiUrl: string): Promise<Server & { stop(): Promise<void> }> {
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, [path.join(REPO_ROOT, WEB_ENTRY)], {
    cwd: REPO_ROOT,
    env: { PATH: process.env.PATH, NODE_ENV: 'production', PORT: String(port), HOST: '127.0.0.1', ORIGIN: url, API_URL: apiUrl },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output = collectOutput(child);
  try {
    await waitFor(url, 'The web app', child, output, 30_000);
  } catch (error) {
    await stop(child);
    throw error;
  }
  return { pid: child.pid!, url, stop: () => stop(child) };
}

/** Processes whose parent is `pid` (from /proc, Linux only, as the RSS figures are). */
function childrenOf(pid: number): number[] {
  const children: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // The parent is the second field after the command name, which is in parentheses and may hold spaces.
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (parent === pid) children.push(Number(entry));
    } catch {
      // the process ended while we looked
    }
  }
  return children;
}

/**
 * `npm start` as an operator runs it (apps/api/dist/src/cli/start.js, NODE_ENV=production: background jobs
 * on), on `databaseUrl`, with the API on `port` and its web app on `webPort`. Rate limits, spam checks and the
 * first-post hold are off: one address posts hundreds of times a second, and held posts could not be answered.
 */
export async function startPeerdesk(databaseUrl: string, port: number, webPort: number): Promise<{ api: Server; web: Server; stop(): Promise<void> }> {
  const child = spawn(process.execPath, [path.join(REPO_ROOT, 'apps/api/dist/src/cli/start.js')], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      DATABASE_URL: databaseUrl,
      HOST: '127.0.0.1',
      PORT: String(port),
      WEB_PORT: String(webPort),
      ORIGIN: `http://127.0.0.1:${webPort}`,
      SEED_DEMO: 'false',
      RATE_LIMITS: 'off',
      SPAM_CHECKS: 'off',
      NEW_MEMBER_REVIEW_POSTS: '0',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output = collectOutput(child);
  try {
    // The first start after a change to the web's sources builds it (a minute or two on two cores).
    await waitFor(`http://127.0.0.1:${port}/healthz`, 'The API (npm start)', child, output, 300_000);
    await waitFor(`http://127.0.0.1:${webPort}/`, 'The web app (npm start)', child, output, 60_000);
  } catch (error) {
    await stop(child);
    throw error;
  }
  const web = childrenOf(child.pid!).find((pid) => readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(WEB_ENTRY));
  if (!web) throw new Error('npm start runs no web app process');
  return {
    api: { pid: child.pid!, url: `http://127.0.0.1:${port}` },
    web: { pid: web, url: `http://127.0.0.1:${webPort}` },
    stop: () => stop(child),
  };
}

/** CPU time a process has used so far, user and system, in ms (0 once it has exited). */
export function cpuMs(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // utime and stime are the 12th and 13th fields after the command name (in parentheses, may hold spaces).
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS_PER_SECOND;
  } catch {
    return 0;
  }
}
/** USER_HZ: 100 on every Linux this runs on. */
const CLOCK_TICKS_PER_SECOND = 100;

/** A process's resident memory now, in MB (VmRSS). */
function rssMb(pid: number): number {
  try {
    const match = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : 0;
  } catch {
    return 0; // the process has exited (its row fails on its own)
  }
}

/** Samples the servers' VmRSS every 100 ms from `start()` to `stop()`; `peaks()` gives each one's highest since `start()`. */
export class RssSampler {
  private peak = new Map<string, number>();
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly pids: Record<string, number>) {}

  start(): void {
    this.peak = new Map(Object.keys(this.pids).map((name) => [name, 0]));
    this.sample();
    this.timer = setInterval(() => this.sample(), 100);
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  peaks(): Record<string, number> {
    this.sample();
    return Object.fromEntries([...this.peak].map(([name, mb]) => [name, Math.round(mb)]));
  }

  private sample(): void {
    for (const [name, pid] of Object.entries(this.pids)) this.peak.set(name, Math.max(this.peak.get(name) ?? 0, rssMb(pid)));
  }
}
