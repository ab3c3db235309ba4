import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import type { ApolloDriverConfig } from '@nestjs/apollo';
import { DomainError } from '@peerdesk/domain';
import {
  type DocumentNode,
  getNamedType,
  getNullableType,
  GraphQLError,
  GraphQLList,
  type GraphQLSchema,
  isLeafType,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';
import { type ComplexityEstimator, type ComplexityEstimatorArgs, getComplexity } from 'graphql-query-complexity';

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

/** How many items a field returns at most, by its page size argument, else by its type. */
function itemCount({ type, field, args }: ComplexityEstimatorArgs): number {
  if (typeof args.first === 'number') return Math.max(args.first, 0);
  if (typeof args.limit === 'number') return Math.max(args.limit, 0);
  // A connection's edges are counted by the connection field's `first`, once.
  if (type.name.endsWith('Connection')) return 1;
  return getNullableType(field.type) instanceof GraphQLList ? UNPAGED_LIST_SIZE : 1;
}

/** A field costs its own price plus, for every item it returns, what is selected under it. */
export const fieldCostEstimator: ComplexityEstimator = (options) => {
  const own = FIELD_COSTS[`${options.type.name}.${options.field.name}`] ?? 1;
  if (isLeafType(getNamedType(options.field.type))) return own;
  return own + itemCount(options) * options.childComplexity;
};

export function operationCost(schema: GraphQLSchema, document: DocumentNode, variables: Record<string, unknown> = {}, operationName?: string): number {
  return getComplexity({ schema, query: document, variables, operationName, estimators: [fieldCostEstimator] });
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

/** Refuses an operation whose cost (with its variables) is over the budget, before any resolver runs. */
export function graphQLCostPlugin(limits: GraphQLLimits): ApolloPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, request, operationName }) {
          let cost: number;
          try {
            cost = operationCost(schema, document, request.variables ?? {}, operationName ?? undefined);
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
        },
      };
    },
  };
}
