import { ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { AdjustableClock, SystemClock } from '../common/clock';
import type { AppConfig } from '../config/config';
import { createApi } from '../main';
import { seedDemoIfWanted } from '../seed/demo-seeder';
import { configOrExit, log, openDatabase } from './runtime';

// apps/api/dist/src/cli → the repository root.
const REPO_ROOT = path.resolve(__dirname, '..', '..', '..', '..', '..');

/** Serves the SvelteKit build next to the API; the web talks to the API over loopback. */
function startWeb(config: AppConfig): ChildProcess | null {
  const entry = path.join(REPO_ROOT, 'apps', 'web', 'build', 'index.js');
  if (!existsSync(entry)) {
    log(`Web app not built (${entry} missing): run "npm run build" to serve it on port ${config.webPort}`);
    return null;
  }
  const web = spawn(process.execPath, [entry], {
    stdio: 'inherit',
    env: { ...process.env, PORT: String(config.webPort), HOST: config.host, API_URL: `http://127.0.0.1:${config.port}/graphql` },
  });
  web.on('exit', (code, signal) => {
    if (signal !== 'SIGTERM') log(`Web app stopped (${signal ?? `exit code ${code}`})`);
  });
  return web;
}

async function main(): Promise<void> {
  const config = configOrExit();
  const database = await openDatabase(config);
  await seedDemoIfWanted(database, config);
  const clock = config.nodeEnv === 'test' ? new AdjustableClock() : new SystemClock();
  const schemaFile = config.nodeEnv === 'development' ? path.join(REPO_ROOT, 'apps', 'api', 'schema.graphql') : undefined;
  const api = await createApi({ config, dataSource: database.dataSource, clock, schemaFile });
  await api.listen(config.port, config.host);
  log(`API: http://localhost:${config.port}/graphql (health: http://localhost:${config.port}/healthz)`);
  const web = startWeb(config);
  if (web) log(`Web: http://localhost:${config.webPort}`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: shutting down`);
    web?.kill('SIGTERM');
    await api.close();
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error: unknown) => {
  process.stderr.write(`[peerdesk] Start-up failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
