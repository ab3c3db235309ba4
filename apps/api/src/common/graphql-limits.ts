import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import type { ApolloDriverConfig } from '@nestjs/apollo';
import { DomainError } from '@peerdesk/domain';
import {
  type DocumentNode,
  type FieldNode,
  getArgumentValues,
  getNamedType,
  getOperationAST,
  getNullableType,
  GraphQLError,
  GraphQLList,
  type GraphQLCompositeType,
  type GraphQLOutputType,
  type GraphQLSchema,
  isLeafType,
  Kind,
  TypeInfo,
  type ValidationContext,
  type ValidationRule,
  type ValueNode,
  visit,
  visitWithTypeInfo,
} from 'graphql';
import { type ComplexityEstimator, type ComplexityEstimatorArgs, getComplexity } from 'graphql-query-complexity';
import { MAX_PAGE_SIZE } from './pagination';

/**
 * What one GraphQL operation may ask for, so that no single request (however many aliases, however deep
 * the nesting) can take the API's time and memory from everyone else. Depth and aliases are checked when
 * the document is validated; the cost needs the variables (page sizes), so it is checked once the
 * operation is resolved, before anything runs.
 */
export interface GraphQLLimits {
  maxDepth: number;
  maxAliases: number;
  maxCost: number;
}

/**
 * Fields that cost more than reading a row: they search, render Markdown or aggregate a period. Every
 * other field costs 1. One table, so the price list is reviewed as one. (Writes are bounded by the alias
 * limit here and by rate limits.)
 */
const FIELD_COSTS: Readonly<Record<string, number>> = {
  'Query.search': 50,
  'Query.similarQuestions': 25,
  'Query.markdownPreview': 50,
  'Query.deflectionReport': 100,
  'Query.searchGaps': 20,
};

/** Apollo's plugin type as Nest's driver sees it (the CommonJS declarations). */
type ApolloPlugin = NonNullable<ApolloDriverConfig['plugins']>[number];

/** A list field with no page size of its own (a question's answers, a thread's comments): what a client may expect. */
const UNPAGED_LIST_SIZE = 10;

/** A page size as the cost counts it: a larger one is refused by the field itself (VALIDATION_FAILED on `first`). */
function pageSize(requested: unknown): number {
  return typeof requested === 'number' ? Math.min(Math.max(requested, 0), MAX_PAGE_SIZE) : UNPAGED_LIST_SIZE;
}

function isConnection(type: GraphQLOutputType | GraphQLCompositeType): boolean {
  return getNamedType(type).name.endsWith('Connection');
}

/**
 * The page size each connection's `edges` (or `nodes`) selection stands for: the connection field's
 * `first`, with its default. Only the edges repeat per item; a connection's total, page info and facets
 * are read once, however large the page. Read from the operation being run and the fragments.
 */
function edgePageSizes(schema: GraphQLSchema, document: DocumentNode, variables: Record<string, unknown>, operationName?: string): WeakMap<FieldNode, number> {
  const sizes = new WeakMap<FieldNode, number>();
  const operation = getOperationAST(document, operationName);
  const definitions = document.definitions.filter((definition) => definition === operation || definition.kind === Kind.FRAGMENT_DEFINITION);
  const typeInfo = new TypeInfo(schema);
  visit({ ...document, definitions }, visitWithTypeInfo(typeInfo, {
    Field(node) {
      const field = typeInfo.getFieldDef();
      if (!field || !node.selectionSet || !isConnection(field.type)) return;
      let first: unknown;
      try {
        first = getArgumentValues(field, node, variables).first;
      } catch {
        return; // arguments that do not fit: execution refuses them; the edges count as the largest page meanwhile
      }
      for (const selection of node.selectionSet.selections) {
        if (selection.kind === Kind.FIELD && (selection.name.value === 'edges' || selection.name.value === 'nodes')) sizes.set(selection, pageSize(first));
      }
    },
  }));
  return sizes;
}

/** A field costs its own price plus, for every item it returns, what is selected under it. */
function fieldCostEstimator(edgeSizes: WeakMap<FieldNode, number>): ComplexityEstimator {
  return ({ type, field, node, args, childComplexity }: ComplexityEstimatorArgs) => {
    const own = FIELD_COSTS[`${type.name}.${field.name}`] ?? 1;
    if (isLeafType(getNamedType(field.type))) return own;
    let items = 1;
    // Edges reached through a fragment spread have no page size on record: count the largest page.
    if (isConnection(type)) items = field.name === 'edges' || field.name === 'nodes' ? (edgeSizes.get(node) ?? MAX_PAGE_SIZE) : 1;
    else if (getNullableType(field.type) instanceof GraphQLList) items = pageSize(args.first ?? args.limit);
    return own + items * childComplexity;
  };
}

export function operationCost(schema: GraphQLSchema, document: DocumentNode, variables: Record<string, unknown> = {}, operationName?: string): number {
  const estimators = [fieldCostEstimator(edgePageSizes(schema, document, variables, operationName))];
  return getComplexity({ schema, query: document, variables, operationName, estimators });
}

export function queryTooComplex(what: string, limit: number, cost: number): DomainError {
  return new DomainError(
    'QUERY_TOO_COMPLEX',
    `This request asks for too much at once: its ${what} is ${cost}, and the limit is ${limit}. Ask for less, or split it into several requests.`,
    undefined,
    { limit, cost },
  );
}

/** The depth or alias count the rule found, from its message ("… exceeded, found 14."). */
function foundIn(error: GraphQLError, limit: number): number {
  const found = /found (\d+)/.exec(error.message);
  return found ? Number(found[1]) : limit + 1;
}

function rejectAs(what: string, limit: number) {
  return (context: ValidationContext | null, error: GraphQLError) => {
    context?.reportError(new GraphQLError(error.message, { originalError: queryTooComplex(what, limit, foundIn(error, limit)) }));
  };
}

export function graphQLLimitRules(limits: GraphQLLimits): ValidationRule[] {
  return [
    maxDepthRule({ n: limits.maxDepth, flattenFragments: true, propagateOnRejection: false, onReject: [rejectAs('depth', limits.maxDepth)] }),
    maxAliasesRule({ n: limits.maxAliases, propagateOnRejection: false, onReject: [rejectAs('number of aliases', limits.maxAliases)] }),
  ];
}

/** Arguments the cost reads the values of: page sizes (`first`, `limit`) and @include/@skip's `if`. */
const COST_ARGUMENTS = new Set(['first', 'limit', 'if']);
/** Costs kept per document, at most: one per distinct page size or directive value a client sends with it. */
const COSTS_PER_DOCUMENT = 64;

/** The variables a document passes to COST_ARGUMENTS: the only ones its cost depends on. */
function costVariables(document: DocumentNode): string[] {
  const names = new Set<string>();
  const collect = (value: ValueNode): void => {
    if (value.kind === Kind.VARIABLE) names.add(value.name.value);
    else if (value.kind === Kind.LIST) value.values.forEach(collect);
    else if (value.kind === Kind.OBJECT) value.fields.forEach((field) => collect(field.value));
  };
  visit(document, { Argument: (node) => (COST_ARGUMENTS.has(node.name.value) ? collect(node.value) : undefined) });
  return [...names];
}

/**
 * Refuses an operation whose cost (with its variables) is over the budget, before any resolver runs. Apollo hands
 * every request of one query text the same parsed document, so a cost within the budget is kept per document, by
 * operation and the values of the variables it depends on (a search's words are not among them): the same page asked
 * again is not priced again. A cost over the budget, or that could not be worked out, is never kept, so a refusal
 * (and variables that do not fit) is decided afresh, as before.
 */
export function graphQLCostPlugin(limits: GraphQLLimits): ApolloPlugin {
  const priced = new WeakMap<DocumentNode, { variables: string[]; costs: Map<string, number> }>();
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, request, operationName }) {
          let known = priced.get(document);
          if (!known) priced.set(document, (known = { variables: costVariables(document), costs: new Map() }));
          const variables = request.variables ?? {};
          // A variable left out (its default applies) and one sent as null are told apart: [] and [null].
          const key = JSON.stringify([operationName ?? null, ...known.variables.map((name) => (Object.hasOwn(variables, name) ? [variables[name]] : []))]);
          if (known.costs.has(key)) return;
          let cost: number;
          try {
            cost = operationCost(schema, document, variables, operationName ?? undefined);
          } catch {
            // Variables that do not fit the schema: execution refuses them (VALIDATION_FAILED) before any resolver runs.
            return;
          }
          if (cost > limits.maxCost) {
            throw new GraphQLError('Query too complex', {
              originalError: queryTooComplex('cost', limits.maxCost, cost),
              extensions: { http: { status: 400 } },
            });
          }
          if (known.costs.size >= COSTS_PER_DOCUMENT) known.costs.clear();
          known.costs.set(key, cost);
        },
      };
    },
  };
}
