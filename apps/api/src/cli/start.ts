import { ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { AdjustableClock, SystemClock } from '../common/clock';
import type { AppConfig } from '../config/config';
import { createApi } from '../main';
import { bundledMeilisearchFor } from '../search/meilisearch-server';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../seed/demo-accounts';
import { seedDemoIfWanted } from '../seed/demo-seeder';
import { UsersService } from '../users/users.service';
import { configOrExit, log, openDatabase, REPO_ROOT } from './runtime';
import { buildWeb, WEB_ENTRY, webBuildIsCurrent } from './web-build';

/** Builds the web app when its sources changed since the last build (the API was built by `npm start` already). */
async function buildWebIfStale(config: AppConfig): Promise<void> {
  if (webBuildIsCurrent(REPO_ROOT)) return;
  const logFile = path.join(config.dataDir, 'logs', 'build.log');
  log(`Building the web app (log: ${logFile})`);
  await buildWeb(REPO_ROOT, path.resolve(logFile));
}

/** Serves the SvelteKit build next to the API; the web talks to the API over loopback. */
function startWeb(config: AppConfig): ChildProcess {
  // Its own output is only "Listening on …", printed here in our words; errors still show.
  const web = spawn(process.execPath, [path.join(REPO_ROOT, WEB_ENTRY)], {
    stdio: ['ignore', 'ignore', 'inherit'],
    // ORIGIN is the address people open; the web's form actions refuse posts from any other origin (CSRF),
    // and without it the Node adapter assumes https. Behind a proxy, set ORIGIN to the public address.
    env: {
      ...process.env,
      PORT: String(config.webPort),
      HOST: config.host,
      API_URL: `http://127.0.0.1:${config.port}/graphql`,
      ORIGIN: config.origin,
    },
  });
  web.on('exit', (code, signal) => {
    if (!shuttingDown) log(`Web app stopped (${signal ?? `exit code ${code}`})`);
  });
  return web;
}

/** Set once a signal asked to stop: children exiting then are expected. */
let shuttingDown = false;
/** A shutdown step that hangs must not keep the command (and what it started) alive for ever. */
const SHUTDOWN_TIMEOUT_MS = 30_000;
const STOP_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/** Resolves once the child has exited (at once when it already has). */
function exitOf(child: ChildProcess | null): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

/** SEARCH_ENGINE=meilisearch without MEILI_HOST: run the bundled Meilisearch and point the engine at it. */
async function withSearchServer(config: AppConfig): Promise<{ config: AppConfig; stop(): Promise<void> }> {
  if (config.searchEngine !== 'meilisearch' || config.meiliHost) return { config, stop: async () => undefined };
  const meili = await bundledMeilisearchFor(config, REPO_ROOT, log);
  log(`Meilisearch: ${meili.host}`);
  return { config: { ...config, meiliHost: meili.host, meiliMasterKey: meili.masterKey }, stop: () => meili.stop() };
}

/** The demo accounts that exist in this database (none on a real deployment), as a table to sign in with. */
async function demoAccountsTable(users: UsersService): Promise<string | null> {
  const existing = await users.existingEmails(DEMO_ACCOUNTS.map((account) => account.email));
  const rows = DEMO_ACCOUNTS.filter((account) => existing.has(account.email)).map((account) => [account.role.toLowerCase(), account.email, account.tryThis]);
  if (rows.length === 0) return null;
  const table = [['role', 'e-mail', 'try'], ...rows];
  const widths = [0, 1].map((column) => Math.max(...table.map((row) => row[column].length)));
  const lines = table.map((row) => `  ${row[0].padEnd(widths[0])}  ${row[1].padEnd(widths[1])}  ${row[2]}`);
  return `Demo accounts, all with the password "${DEMO_PASSWORD}":\n${lines.join('\n')}`;
}

/**
 * The web app started here reaches the API over loopback and names each visitor in X-Forwarded-For, so
 * unless TRUST_PROXY says otherwise, loopback is trusted: per-IP limits then count visitors, not the web server.
 */
function trustingTheWebApp(config: AppConfig): AppConfig {
  return process.env.TRUST_PROXY?.trim() ? config : { ...config, trustProxy: ['loopback'] };
}

/**
 * How far V8 lets the API's old space grow past what its last full collection found live, in percent. By default
 * V8 picks 10–300% from how fast it collects, and under load on two busy cores it picked high: for 60 MB live (a heap
 * snapshot holds no request data, only code and the modules' strings) the old space reached 140–210 MB and the
 * API's RSS 280–410 MB. At 50% the old space stayed under 100 MB and the RSS under 230 MB, for about 8% more CPU on
 * an uncached page (25%: 213 MB for 23%). A target, not a limit: unlike --max-old-space-size the heap still grows
 * as far as live data needs (see docs/performance.md).
 */
const HEAP_GROWING_PERCENT = 50;

async function main(): Promise<void> {
  // Set here rather than on the command line, so every way of running npm start's script gets it.
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
  const initial = trustingTheWebApp(configOrExit());
  await buildWebIfStale(initial);
  const search = await withSearchServer(initial);
  const config = search.config;
  const database = await openDatabase(config).catch(async (error: unknown) => {
    await search.stop();
    throw error;
  });
  await seedDemoIfWanted(database, config);
  const clock = config.nodeEnv === 'test' ? new AdjustableClock() : new SystemClock();
  const schemaFile = config.nodeEnv === 'development' ? path.join(REPO_ROOT, 'apps', 'api', 'schema.graphql') : undefined;
  // Requests get a pool of their own with the statement timeout; migrations and the seed ran without one.
  const api = await createApi({ config, dataSource: await database.forRequests(config.statementTimeoutMs), clock, schemaFile });
  await api.listen(config.port, config.host);
  log(`API: http://localhost:${config.port}/graphql (health: http://localhost:${config.port}/healthz)`);
  const web = startWeb(config);
  log(`Web: ${config.origin}`);
  const accounts = await demoAccountsTable(api.get(UsersService));
  if (accounts) log(accounts);

  // Ctrl-C in a terminal signals the whole process group: PostgreSQL, Meilisearch and the web app may be
  // stopping already, and each step below copes with a child that has gone.
  const stop = async (signal: string) => {
    if (shuttingDown) return;
    shuttingDown = true;
    log(`${signal}: shutting down`);
    setTimeout(() => {
      log(`Shutdown did not finish within ${SHUTDOWN_TIMEOUT_MS / 1000} s; exiting`);
      process.exit(1);
    }, SHUTDOWN_TIMEOUT_MS).unref();
    web.kill('SIGTERM');
    await exitOf(web);
    // Each step runs even when one before it failed: nothing started here may outlive the command.
    let clean = true;
    for (const [what, step] of [['API', () => api.close()], ['PostgreSQL', () => database.close()], ['Meilisearch', () => search.stop()]] as const) {
      await step().catch((error: unknown) => {
        clean = false;
        log(`Stopping the ${what} failed: ${error instanceof Error ? error.message : String(error)}`);
      });
    }
    log('Stopped');
    process.exit(clean ? 0 : 1);
  };
  // The embedded PostgreSQL package hooks these signals (async-exit-hook) to stop PostgreSQL and exit at
  // once. During start-up that is what we want (Meilisearch is killed on exit); once running it would race
  // the orderly shutdown above (requests cut short, Meilisearch killed rather than stopped), so it goes.
  for (const signal of STOP_SIGNALS) {
    process.removeAllListeners(signal);
    process.on(signal, () => void stop(signal));
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`[peerdesk] Start-up failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
