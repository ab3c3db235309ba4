import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { schemaSdl } from '../../apps/api/src/schema/schema-sdl';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const COMMITTED = new URL('../../packages/api-client/schema.graphql', import.meta.url);

describe('the committed GraphQL schema (what the web client is generated from)', () => {
  it('is exactly the schema the API code declares', async () => {
    const declared = await schemaSdl();
    const committed = readFileSync(COMMITTED, 'utf8');
    if (committed !== declared) {
      throw new Error(
        'packages/api-client/schema.graphql differs from the schema the API code declares.\n' +
          'Run `npm run codegen` and commit schema.graphql and packages/api-client/src/generated.ts.',
      );
    }
    expect(committed).toContain('type Query');
  });

  it('has committed types and documents that the generator makes from it and the web\'s operations', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'peerdesk-codegen-'));
    try {
      const generated = path.join(dir, 'generated.ts');
      execFileSync(process.execPath, ['packages/api-client/generate.mjs', generated], { cwd: ROOT, stdio: 'pipe' });
      const committed = readFileSync(path.join(ROOT, 'packages/api-client/src/generated.ts'), 'utf8');
      if (committed !== readFileSync(generated, 'utf8')) {
        throw new Error('packages/api-client/src/generated.ts is not what `npm run codegen` makes: run it and commit the result.');
      }
      expect(committed).toContain('TypedDocumentString');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
