import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  buildSchema, type GraphQLArgument, type GraphQLField, type GraphQLInputType, GraphQLNonNull, GraphQLList, GraphQLEnumType,
  GraphQLInputObjectType, GraphQLScalarType, getNamedType, isLeafType,
} from 'graphql';
import { can, CAPABILITIES, type Capability, ROLES } from '@peerdesk/domain';
import { TestApp, type TestUser } from '../support/test-app';

/**
 * The capability table is only a promise until the API keeps it: every query and mutation guarded with
 * `@Requires(capability)` is called here by every role, and is FORBIDDEN exactly for the roles the table
 * says lack the capability (and UNAUTHENTICATED without a session). The operations are found in the
 * resolvers' sources, their arguments filled from the schema, so a new guarded operation is covered the
 * day it is added.
 */
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const API_SRC = path.join(ROOT, 'apps/api/src');

interface GuardedOperation {
  kind: 'query' | 'mutation';
  name: string;
  capability: Capability;
  file: string;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? sourceFiles(full) : entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [full] : [];
  });
}

/** Each `@Query`/`@Mutation` whose decorators include `@Requires('…')`, with the method name it decorates. */
function guardedOperations(): GuardedOperation[] {
  const operations: GuardedOperation[] = [];
  for (const file of sourceFiles(API_SRC)) {
    const source = readFileSync(file, 'utf8');
    // A decorator block: consecutive decorators, then the method they decorate.
    for (const block of source.matchAll(/((?:^[ \t]*@\w+\([\s\S]*?\)\s*\n)+)[ \t]*(?:async\s+)?(\w+)\s*\(/gm)) {
      const decorators = block[1];
      const capability = /@Requires\(\s*'(\w+)'\s*\)/.exec(decorators)?.[1];
      const root = /@(Query|Mutation)\(/.exec(decorators)?.[1];
      if (!capability || !root) continue;
      const named = /@(?:Query|Mutation)\([^]*?\bname:\s*'(\w+)'/.exec(decorators)?.[1];
      operations.push({ kind: root === 'Query' ? 'query' : 'mutation', name: named ?? block[2], capability: capability as Capability, file: path.relative(ROOT, file) });
    }
  }
  return operations;
}

const schema = buildSchema(readFileSync(path.join(ROOT, 'packages/api-client/schema.graphql'), 'utf8'));

/** A value of the type that passes GraphQL's own validation; ids name nothing, so no call reaches a real row. */
function sampleValue(type: GraphQLInputType): unknown {
  if (type instanceof GraphQLNonNull) return sampleValue(type.ofType);
  if (type instanceof GraphQLList) return [sampleValue(type.ofType)];
  if (type instanceof GraphQLEnumType) return type.getValues()[0].value;
  if (type instanceof GraphQLInputObjectType) {
    return Object.fromEntries(Object.values(type.getFields()).filter((f) => f.type instanceof GraphQLNonNull).map((f) => [f.name, sampleValue(f.type)]));
  }
  const scalar = (type as GraphQLScalarType).name;
  switch (scalar) {
    case 'ID': return '987654321';
    case 'Int': case 'Float': return 1;
    case 'Boolean': return false;
    case 'DateTime': return new Date().toISOString();
    case 'JSON': return {};
    default: return 'capability probe';
  }
}

function documentFor(operation: GuardedOperation): { query: string; variables: Record<string, unknown> } {
  const root = operation.kind === 'query' ? schema.getQueryType()! : schema.getMutationType()!;
  const field: GraphQLField<unknown, unknown> | undefined = root.getFields()[operation.name];
  if (!field) throw new Error(`${operation.file}: ${operation.kind} ${operation.name} is not in the schema`);
  const required = field.args.filter((arg: GraphQLArgument) => arg.type instanceof GraphQLNonNull);
  const params = required.map((arg) => `$${arg.name}: ${arg.type.toString()}`).join(', ');
  const args = required.map((arg) => `${arg.name}: $${arg.name}`).join(', ');
  const selection = isLeafType(getNamedType(field.type)) ? '' : ' { __typename }';
  return {
    query: `${operation.kind}${params ? ` (${params})` : ''} { ${operation.name}${args ? `(${args})` : ''}${selection} }`,
    variables: Object.fromEntries(required.map((arg) => [arg.name, sampleValue(arg.type)])),
  };
}

describe('the API enforces the capability table', () => {
  const operations = guardedOperations();
  let app: TestApp;
  const users = new Map<string, TestUser>();

  beforeAll(async () => {
    // RATE_LIMITS=off: one address makes a few hundred calls here; rate limits are tested in tests/api/rate-limits.spec.ts.
    app = await TestApp.start({ RATE_LIMITS: 'off' });
    for (const role of ROLES) users.set(role, role === 'ADMIN' ? await app.admin() : await app.userWithRole(role));
  });
  afterAll(async () => { await app.close(); });

  it('finds the guarded operations in the resolvers, and every capability is guarded somewhere', () => {
    expect(operations.length).toBeGreaterThan(20);
    // Owner-or-capability rules (editing, deleting, accepting) are checked in the domain's post rules.
    const checkers = [...sourceFiles(API_SRC), ...sourceFiles(path.join(ROOT, 'packages/domain/src')).filter((file) => !file.endsWith('roles.ts'))];
    const source = checkers.map((file) => readFileSync(file, 'utf8')).join('\n');
    // A capability nobody checks would be a promise the API does not keep.
    const unchecked = CAPABILITIES.filter((capability) => !source.includes(`'${capability}'`));
    expect(unchecked).toEqual([]);
  });

  it('refuses every guarded operation without a session', async () => {
    const refusals: string[] = [];
    for (const operation of operations) {
      const { query, variables } = documentFor(operation);
      const { errors } = await app.gql(query, variables);
      refusals.push(`${operation.name}: ${errors?.[0]?.extensions?.code}`);
    }
    expect(refusals).toEqual(operations.map((operation) => `${operation.name}: UNAUTHENTICATED`));
  });

  it.each([...ROLES])('refuses a %s exactly the guarded operations whose capability the table does not give it', async (role) => {
    const outcomes: string[] = [];
    const expected: string[] = [];
    for (const operation of operations) {
      const { query, variables } = documentFor(operation);
      const { errors } = await app.gql(query, variables, users.get(role)!);
      const forbidden = errors?.some((error) => error.extensions?.code === 'FORBIDDEN') ?? false;
      outcomes.push(`${operation.name} (${operation.capability}): ${forbidden ? 'FORBIDDEN' : 'allowed'}`);
      expected.push(`${operation.name} (${operation.capability}): ${can(role, operation.capability) ? 'allowed' : 'FORBIDDEN'}`);
    }
    expect(outcomes).toEqual(expected);
  });
});
