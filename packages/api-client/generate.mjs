// @ts-check
/**
 * Generates src/generated.ts: types and typed documents for the web's GraphQL operations
 * (apps/web/src/**\/*.graphql), from schema.graphql. Run from the repository root with `npm run codegen`
 * (it first rewrites schema.graphql); a path argument writes there instead (tests/api/schema.spec.ts compares).
 * It drives @graphql-codegen/core as the codegen CLI would, without the CLI: its loaders for URLs, GitHub
 * and Apollo need Node 22, and both inputs here are local files.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { codegen } from '@graphql-codegen/core';
import * as typedDocumentNode from '@graphql-codegen/typed-document-node';
import * as typescriptOperations from '@graphql-codegen/typescript-operations';
import { buildSchema, lexicographicSortSchema, parse, printSchema, Source } from 'graphql';

const OUTPUT = 'packages/api-client/src/generated.ts';
const DOCUMENTS = 'apps/web/src';

// Sorted, as the CLI loads them, so the output does not depend on the order files are found in.
const schema = lexicographicSortSchema(buildSchema(readFileSync('packages/api-client/schema.graphql', 'utf8'), { assumeValidSDL: true }));
const documents = readdirSync(DOCUMENTS, { recursive: true, encoding: 'utf8' })
  .filter((file) => file.endsWith('.graphql'))
  .map((file) => path.resolve(DOCUMENTS, file))
  .sort()
  .map((location) => ({ location, document: parse(new Source(readFileSync(location, 'utf8'), location)) }));

const output = await codegen({
  filename: OUTPUT,
  schema: parse(printSchema(schema)),
  schemaAst: schema,
  documents,
  // typescript-operations 6 emits the enums and inputs it needs itself, so the `typescript` plugin would declare them twice.
  plugins: [{ 'typescript-operations': {} }, { 'typed-document-node': {} }],
  pluginMap: { 'typescript-operations': typescriptOperations, 'typed-document-node': typedDocumentNode },
  config: {
    enumsAsTypes: true,
    useTypeImports: true,
    documentMode: 'string',
    avoidOptionals: false,
    scalars: { DateTime: 'string', JSONObject: 'Record<string, unknown>' },
  },
});
const target = process.argv[2] ?? OUTPUT;
writeFileSync(target, output);
process.stdout.write(`[peerdesk] Wrote ${target}\n`);
