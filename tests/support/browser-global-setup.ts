import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import globalSetup from './global-setup';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const WEB = path.join(ROOT, 'apps', 'web');
/** What the build is made from; a newer file in any of them means the build is stale. */
const SOURCES = [
  path.join(WEB, 'src'),
  path.join(WEB, 'static'),
  path.join(WEB, 'svelte.config.js'),
  path.join(WEB, 'vite.config.ts'),
  path.join(WEB, 'package.json'),
  path.join(ROOT, 'packages', 'api-client', 'src'),
];

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
 * Once per run for the browser project: the database template (as for the API tests), then the web
 * build when apps/web/build is missing or older than its sources. Building here rather than in each
 * test file means one build however many browser files run in parallel; an unchanged tree skips it
 * (a build takes ~10 s on two cores).
 */
export default async function browserGlobalSetup(): Promise<void> {
  await globalSetup();
  const built = newestMtime(path.join(WEB, 'build', 'index.js'));
  if (built > 0 && built >= Math.max(...SOURCES.map(newestMtime))) {
    process.stdout.write('Browser tests use the existing web build (apps/web/build is newer than its sources)\n');
    return;
  }
  const started = Date.now();
  process.stdout.write('Building the web app for the browser tests…\n');
  // NODE_ENV is 'test' under jest, and Vite would then compile Svelte in development mode: bigger
  // bundles that hydrate slower than what people get. Build what `npm run build` builds.
  execFileSync('npm', ['run', 'build', '--workspace', 'apps/web'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, NODE_ENV: 'production' } });
  process.stdout.write(`Web app built in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
}
