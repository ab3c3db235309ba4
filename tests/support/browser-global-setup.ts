import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildWeb, webBuildIsCurrent } from '../../apps/api/src/cli/web-build';
import globalSetup from './global-setup';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/**
 * Once per run for the browser project: the database template (as for the API tests), then the web
 * build when apps/web/build is missing or older than its sources (the same check as `npm start`).
 * Building here rather than in each test file means one build however many browser files run in parallel.
 */
export default async function browserGlobalSetup(): Promise<void> {
  await globalSetup();
  if (webBuildIsCurrent(ROOT)) {
    process.stdout.write('Browser tests use the existing web build (apps/web/build is newer than its sources)\n');
    return;
  }
  const started = Date.now();
  const log = path.join(ROOT, 'tests', 'artifacts', 'web-build.log');
  process.stdout.write(`Building the web app for the browser tests (log: ${path.relative(ROOT, log)})…\n`);
  await buildWeb(ROOT, log);
  process.stdout.write(`Web app built in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
}
