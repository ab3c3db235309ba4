import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type DefinitionNode, type FragmentDefinitionNode, Kind, type OperationDefinitionNode, parse, print, visit } from 'graphql';

// The web's GraphQL operations, as it sends them, for tests that ask what the web asks: every `.graphql`
// document under apps/web/src (the shared community.graphql and the routes' own).

const WEB = new URL('../../apps/web/src/', import.meta.url).pathname;
function graphqlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? graphqlFiles(join(dir, entry.name)) : entry.name.endsWith('.graphql') ? [join(dir, entry.name)] : [],
  );
}
const WEB_DEFINITIONS = graphqlFiles(WEB).flatMap((file) => parse(readFileSync(file, 'utf8')).definitions);
const WEB_FRAGMENTS = new Map(
  WEB_DEFINITIONS.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]),
);

/** The query with every web fragment it spreads (and they spread), as the web sends it. */
export function withWebFragments(query: string): string {
  const used = new Map<string, FragmentDefinitionNode>();
  const collect = (node: DefinitionNode) =>
    visit(node, {
      FragmentSpread(spread) {
        const fragment = WEB_FRAGMENTS.get(spread.name.value);
        if (!fragment || used.has(fragment.name.value)) return;
        used.set(fragment.name.value, fragment);
        collect(fragment);
      },
    });
  parse(query).definitions.forEach(collect);
  return [query, ...[...used.values()].map(print)].join('\n');
}

/** The web's operation `name`, with the fragments it spreads. */
export function webOperation(name: string): string {
  const operation = WEB_DEFINITIONS.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION && d.name?.value === name);
  if (!operation) throw new Error(`The web sends no operation ${name}`);
  return withWebFragments(print(operation));
}
