import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  buildSchema, type DocumentNode, type GraphQLInputType, isEnumType, isInputObjectType, isListType, isNonNullType, Kind, parse, typeFromAST, validate,
} from 'graphql';
import { graphQLLimitRules, operationCost } from '../../apps/api/src/common/graphql-limits';
import { MAX_PAGE_SIZE } from '../../apps/api/src/common/pagination';
import { loadConfig } from '../../apps/api/src/config/config';
import { expectError, TestApp } from '../support/test-app';

// One anonymous request must not be able to freeze or starve the API (issue "Hold against hostile
// clients", finding 1): each reproduction below is sent as the attacker sent it, and is now refused
// before any resolver runs.

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const LIMITS = loadConfig({ NODE_ENV: 'test' }).graphql;

function aliases(count: number, field: string): string {
  return Array.from({ length: count }, (_, i) => `a${i}: ${field}`).join('\n');
}

describe('GraphQL limits on what one request may ask for', () => {
  let app: TestApp;
  beforeAll(async () => { app = await TestApp.start(); });
  afterAll(async () => { await app.close(); });

  it('refuses 40 aliases of markdownPreview with a 30 KB body, naming the limit', async () => {
    const body = '_a'.repeat(15_000);
    const response = await app.gql(`query($body: String!) { ${aliases(40, 'markdownPreview(body: $body)')} }`, { body });
    const error = expectError(response, 'QUERY_TOO_COMPLEX');
    expect(error.extensions).toMatchObject({ limit: LIMITS.maxAliases, cost: 40 });
    expect(error.message).toContain(`limit is ${LIMITS.maxAliases}`);
    expect(response.status).toBe(400);
    expect(response.data ?? null).toBeNull();
  });

  it('refuses a question → answers → question … chain 14 levels deep by its depth', async () => {
    let selection = 'id';
    for (let level = 0; level < 7; level++) selection = `question { answers { ${selection} } }`;
    const response = await app.gql(`{ question(id: "1") { answers { ${selection} } } }`);
    const error = expectError(response, 'QUERY_TOO_COMPLEX');
    expect(error.extensions).toMatchObject({ limit: LIMITS.maxDepth, cost: 17 });
  });

  it('refuses 1,000 aliases of search, of questions(first: 100) and of similarQuestions', async () => {
    for (const field of ['search(query: "router") { totalCount }', 'questions(first: 100) { totalCount }', 'similarQuestions(title: "router keeps dropping") { id }']) {
      const response = await app.gql(`{ ${aliases(1000, field)} }`);
      expect(expectError(response, 'QUERY_TOO_COMPLEX').extensions).toMatchObject({ limit: LIMITS.maxAliases, cost: 1000 });
    }
  });

  it('refuses a shallow request whose lists multiply past the cost budget, counting the page size it was sent', async () => {
    const query = `query($first: Int!) { questions(first: $first) { edges { node { title answers { body comments { body author { displayName } } } } } } }`;
    const response = await app.gql(query, { first: 100 });
    const error = expectError(response, 'QUERY_TOO_COMPLEX');
    expect(error.extensions?.limit).toBe(LIMITS.maxCost);
    expect(error.extensions?.cost).toBeGreaterThan(LIMITS.maxCost);
    expect(response.status).toBe(400);
    // The same shape for a small page is an ordinary request.
    await app.ok(query, { first: 2 });
  });

  it('prices a document let through before afresh for another page size or @include value, whatever its other variables', async () => {
    const query = `query($first: Int!, $more: Boolean!, $words: String!) {
      search(query: $words) { totalCount }
      questions(first: $first) { edges { node { title answers @include(if: $more) { body comments { body author { displayName } } } } } }
    }`;
    for (const words of ['router', 'modem']) await app.ok(query, { first: 100, more: false, words });
    await app.ok(query, { first: 2, more: true, words: 'router' });
    expect(expectError(await app.gql(query, { first: 100, more: true, words: 'router' }), 'QUERY_TOO_COMPLEX').extensions?.limit).toBe(LIMITS.maxCost);
  });

  it('counts the page size of a connection once, for its edges, and the largest page for edges behind a fragment', async () => {
    // A full page of search results with its facets and totals is an ordinary request.
    await app.ok(`{ search(query: "router", first: 100) { totalCount pageInfo { hasNextPage } facets { categories { count category { name } } statuses { count status } } edges { node { snippet question { id title } } } } }`);
    const viaFragment = `{ questions(first: 2) { ...Page } } fragment Page on QuestionConnection { edges { node { title answers { body comments { body author { displayName } } } } } }`;
    expect(expectError(await app.gql(viaFragment), 'QUERY_TOO_COMPLEX').extensions?.limit).toBe(LIMITS.maxCost);
  });

  it('lets through the ordinary requests the attacks were made of', async () => {
    await app.ok(`{ ${aliases(LIMITS.maxAliases, 'markdownPreview(body: "**hello**")')} }`);
    await app.ok(`{ search(query: "router") { totalCount } similarQuestions(title: "router keeps dropping") { id } }`);
  });
});

describe('introspection', () => {
  it('is refused when GRAPHQL_INTROSPECTION=false (the production default), and answered otherwise', async () => {
    const closed = await TestApp.start({ GRAPHQL_INTROSPECTION: 'false' });
    try {
      expect(expectError(await closed.gql('{ __schema { queryType { name } } }'), 'VALIDATION_FAILED').message).toMatch(/introspection/i);
      await closed.ok('{ categories { id } }');
    } finally {
      await closed.close();
    }
    const open = await TestApp.start();
    try {
      expect((await open.ok<{ __schema: { queryType: { name: string } } }>('{ __schema { queryType { name } } }')).__schema.queryType.name).toBe('Query');
    } finally {
      await open.close();
    }
  });
});

describe("the web app's own documents", () => {
  const schema = buildSchema(readFileSync(path.join(ROOT, 'packages/api-client/schema.graphql'), 'utf8'));

  function webDocuments(dir: string): string[] {
    return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) return webDocuments(full);
      return entry.name.endsWith('.graphql') ? [full] : [];
    });
  }

  /** A value of the type that the API would accept as a variable (page sizes at the largest the API allows). */
  function sample(type: GraphQLInputType, name: string): unknown {
    if (isNonNullType(type)) return sample(type.ofType, name);
    if (isListType(type)) return [sample(type.ofType, name)];
    if (isEnumType(type)) return type.getValues()[0].value;
    if (isInputObjectType(type)) {
      const required = Object.values(type.getFields()).filter((field) => isNonNullType(field.type) && field.defaultValue === undefined);
      return Object.fromEntries(required.map((field) => [field.name, sample(field.type, field.name)]));
    }
    const scalars: Record<string, unknown> = { Int: /^first/i.test(name) ? MAX_PAGE_SIZE : 1, Float: 1, String: 'x', Boolean: false, ID: '1', DateTime: '2026-01-01T00:00:00Z' };
    return scalars[type.name] ?? {};
  }

  function operations(document: DocumentNode): Array<{ name: string; variables: Record<string, unknown> }> {
    return document.definitions.flatMap((definition) => {
      if (definition.kind !== Kind.OPERATION_DEFINITION) return [];
      const variables = Object.fromEntries(
        (definition.variableDefinitions ?? []).map((v) => [v.variable.name.value, sample(typeFromAST(schema, v.type as never) as GraphQLInputType, v.variable.name.value)]),
      );
      return [{ name: definition.name?.value ?? '', variables }];
    });
  }

  const files = webDocuments(path.join(ROOT, 'apps/web/src'));

  it('finds the documents', () => {
    expect(files.length).toBeGreaterThan(3);
  });

  it.each(files.map((file) => [path.relative(ROOT, file)]))('%s stays well inside every limit', (file) => {
    const source = readFileSync(path.join(ROOT, file), 'utf8');
    const document = parse(source);
    // Well inside: depth at least 2 below the limit, half the aliases, half the cost, at the largest page size.
    const tighter = { maxDepth: LIMITS.maxDepth - 2, maxAliases: Math.floor(LIMITS.maxAliases / 2), maxCost: LIMITS.maxCost };
    expect(validate(schema, document, graphQLLimitRules(tighter)).map((e) => e.message)).toEqual([]);
    for (const { name, variables } of operations(document)) {
      const cost = operationCost(schema, document, variables, name);
      expect({ name, cost: cost <= LIMITS.maxCost / 2 }).toEqual({ name, cost: true });
    }
  });
});
