import { ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { AdjustableClock, SystemClock } from '../common/clock';
import type { AppConfig } from '../config/config';
import { createApi } from '../main';
import { bundledMeilisearchFor } from '../search/meilisearch-server';
import { seedDemoIfWanted } from '../seed/demo-seeder';
import { configOrExit, log, openDatabase, REPO_ROOT } from './runtime';

/** Serves the SvelteKit build next to the API; the web talks to the API over loopback. */
function startWeb(config: AppConfig): ChildProcess | null {
  const entry = path.join(REPO_ROOT, 'apps', 'web', 'build', 'index.js');
  if (!existsSync(entry)) {
    log(`Web app not built (${entry} missing): run "npm run build" to serve it on port ${config.webPort}`);
    return null;
  }
  const web = spawn(process.execPath, [entry], {
    stdio: 'inherit',
    // ORIGIN is the address people open; the web's form actions refuse posts from any other origin (CSRF),
    // and without it the Node adapter assumes https. Behind a proxy, set ORIGIN to the public address.
    env: {
      ...process.env,
      PORT: String(config.webPort),
      HOST: config.host,
      API_URL: `http://127.0.0.1:${config.port}/graphql`,
      ORIGIN: process.env.ORIGIN ?? `http://localhost:${config.webPort}`,
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

async function main(): Promise<void> {
  const search = await withSearchServer(configOrExit());
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
  if (web) log(`Web: http://localhost:${config.webPort}`);

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
    web?.kill('SIGTERM');
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
