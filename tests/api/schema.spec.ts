import { readFileSync } from 'node:fs';
import { schemaSdl } from '../../apps/api/src/schema/schema-sdl';

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
});
