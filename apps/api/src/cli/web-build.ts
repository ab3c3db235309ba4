import { spawn } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/** What apps/web/build is made from (from the repository root): a newer file in any of them means it is stale. */
const WEB_SOURCES = [
  'apps/web/src',
  'apps/web/static',
  'apps/web/svelte.config.js',
  'apps/web/vite.config.ts',
  'apps/web/package.json',
  'packages/api-client/src',
  // The web reads the domain's rules from their sources (svelte.config.js's alias).
  'packages/domain/src',
];
/** The built web server, from the repository root; written last by the build. */
export const WEB_ENTRY = 'apps/web/build/index.js';

function newestMtime(target: string): number {
  let stat;
  try {
    stat = statSync(target);
  } catch {
    return 0; // an optional source that does not exist (yet)
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(target).reduce((newest, name) => Math.max(newest, newestMtime(path.join(target, name))), stat.mtimeMs);
}

/**
 * Whether apps/web/build exists and is newer than everything it is made from. `npm start` and the browser
 * tests both skip the web build (the slow part of a start, a minute on two cores) when it is.
 */
export function webBuildIsCurrent(root: string): boolean {
  const built = newestMtime(path.join(root, WEB_ENTRY));
  return built > 0 && built >= Math.max(...WEB_SOURCES.map((source) => newestMtime(path.join(root, source))));
}

/** Lines kept from the end of the log when a build fails: the error, not Vite's chunk tables. */
const TAIL_LINES = 40;

/**
 * Builds the web app (`npm run build` in apps/web) with everything it prints written to `logFile`. A failed
 * build rejects with the log's last lines, so the reason shows without the chatter of a good one.
 */
export async function buildWeb(root: string, logFile: string): Promise<void> {
  mkdirSync(path.dirname(logFile), { recursive: true });
  const log = openSync(logFile, 'w');
  try {
    const code = await new Promise<number | null>((resolve, reject) => {
      // Under NODE_ENV=development or test Vite would compile Svelte in development mode: bigger bundles that
      // hydrate slower than what people get. Always build what production serves.
      const build = spawn('npm', ['run', 'build', '--workspace', 'apps/web'], { cwd: root, stdio: ['ignore', log, log], env: { ...process.env, NODE_ENV: 'production' } });
      build.once('error', reject);
      build.once('exit', (exitCode, signal) => resolve(signal ? null : exitCode));
    });
    if (code === 0) return;
    const tail = readFileSync(logFile, 'utf8').trimEnd().split('\n').slice(-TAIL_LINES).join('\n');
    throw new Error(`The web app's build failed (${code === null ? 'stopped' : `exit code ${code}`}); the end of ${logFile}:\n${tail}`);
  } finally {
    closeSync(log);
  }
}
