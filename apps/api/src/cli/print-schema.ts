import { writeFileSync } from 'node:fs';
import path from 'node:path';
import 'reflect-metadata';
import { CLIENT_SCHEMA_FILE } from '../schema/graphql-landing-page';
import { schemaSdl } from '../schema/schema-sdl';
import { log, REPO_ROOT, runCli } from './runtime';

/** Writes the schema the code declares to packages/api-client/schema.graphql (`npm run codegen` runs this first). */
const SCHEMA_FILE = path.join(REPO_ROOT, CLIENT_SCHEMA_FILE);

runCli(async () => {
  writeFileSync(SCHEMA_FILE, await schemaSdl());
  log(`Wrote ${SCHEMA_FILE}`);
});
