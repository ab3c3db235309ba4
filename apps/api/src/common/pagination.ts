import type { Type } from '@nestjs/common';
import { Field, Int, ObjectType } from '@nestjs/graphql';
import { type GraphQLResolveInfo, Kind, type SelectionSetNode } from 'graphql';
import { validationFailed } from '@peerdesk/domain';
import { isEntityId } from './ids';

/** Keyset cursors: the sort key and id of the last row seen, so inserts never shift a page. */
export interface Keyset {
  key: string | number;
  id: string;
}

export function encodeCursor(keyset: Keyset): string {
  return Buffer.from(JSON.stringify([keyset.key, keyset.id])).toString('base64url');
}

export function decodeCursor(cursor: string, field = 'after'): Keyset {
  try {
    const [key, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if ((typeof key === 'string' || typeof key === 'number') && typeof id === 'string' && isEntityId(id)) {
      return { key, id };
    }
  } catch {
    // falls through to the validation error
  }
  throw validationFailed([{ field, message: 'This cursor is not one the API handed out; start again from the first page.' }]);
}

export const MAX_PAGE_SIZE = 100;

export function checkPageSize(first: number, field = 'first'): number {
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
    throw validationFailed([{ field, message: `Page size must be between 1 and ${MAX_PAGE_SIZE}.` }]);
  }
  return first;
}

@ObjectType()
export class PageInfo {
  @Field()
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true })
  endCursor!: string | null;
}

export interface Edge<T> {
  node: T;
  cursor: string;
}

export interface Connection<T> {
  edges: Edge<T>[];
  pageInfo: PageInfo;
  /** Left out when the query does not ask for it (a list that could count skips its count). */
  totalCount?: number;
  /** Set by lists whose count stops at COUNT_CAP (ConnectionOf's `cappedCount`): false when there are more. */
  totalCountIsExact?: boolean;
}

/**
 * How far a list that could hold a growing share of the forum counts: past this it says "more" (totalCountIsExact
 * false) instead of reading every match, so its count costs what its page costs.
 */
export const COUNT_CAP = 1000;

/** A count of up to COUNT_CAP + 1 (or a kept one) as a capped list shows it: up to COUNT_CAP, then "more". */
export function cappedTotal(n: number): { totalCount: number; totalCountIsExact: boolean } {
  return { totalCount: Math.min(n, COUNT_CAP), totalCountIsExact: n <= COUNT_CAP };
}

/**
 * A Relay-style connection type for `node`, named `<Name>Connection`; with `cappedCount`, its totalCount stops at
 * COUNT_CAP and `totalCountIsExact` says whether it did.
 */
export function ConnectionOf<T>(node: Type<T>, name: string, { cappedCount = false }: { cappedCount?: boolean } = {}): Type<Connection<T>> {
  @ObjectType(`${name}Edge`)
  class EdgeType {
    @Field(() => node)
    node!: T;

    @Field()
    cursor!: string;
  }

  @ObjectType(`${name}Connection`, { isAbstract: cappedCount })
  class ConnectionType {
    @Field(() => [EdgeType])
    edges!: Edge<T>[];

    @Field(() => PageInfo)
    pageInfo!: PageInfo;

    @Field(() => Int)
    totalCount!: number;
  }
  if (!cappedCount) return ConnectionType;

  @ObjectType(`${name}Connection`)
  class CappedConnectionType extends ConnectionType {
    @Field({ description: `False when there are more than totalCount: counting stops at ${COUNT_CAP} (show it as "${COUNT_CAP}+").` })
    totalCountIsExact!: boolean;
  }
  return CappedConnectionType;
}

/** Turns `first + 1` fetched rows into a page: the extra row only proves there is a next page. */
export function toConnection<Row, T>(
  rows: Row[],
  first: number,
  count: number | { totalCount: number; totalCountIsExact: boolean } | null,
  keysetOf: (row: Row) => Keyset,
  toNode: (row: Row) => T,
): Connection<T> {
  const page = rows.slice(0, first);
  const edges = page.map((row) => ({ node: toNode(row), cursor: encodeCursor(keysetOf(row)) }));
  return {
    edges,
    pageInfo: { hasNextPage: rows.length > first, endCursor: edges.length ? edges[edges.length - 1].cursor : null },
    ...(typeof count === 'number' ? { totalCount: count } : count ?? {}),
  };
}

/** The same page with each node mapped (a service's entities to the resolver's GraphQL models). */
export function mapNodes<Row, T>(connection: Connection<Row>, toNode: (row: Row) => T): Connection<T> {
  return { ...connection, edges: connection.edges.map(({ node, cursor }) => ({ node: toNode(node), cursor })) };
}

/**
 * Whether the query asks for the connection's total (totalCount or totalCountIsExact), through fragments too: a page
 * that shows no total (the home page's lists) then sends no statement to count it.
 */
export function asksForTotal(info: GraphQLResolveInfo): boolean {
  const asks = (selectionSet: SelectionSetNode | undefined): boolean => selectionSet !== undefined && selectionSet.selections.some((selection) =>
    selection.kind === Kind.FIELD ? selection.name.value === 'totalCount' || selection.name.value === 'totalCountIsExact'
      : selection.kind === Kind.INLINE_FRAGMENT ? asks(selection.selectionSet)
        : asks(info.fragments[selection.name.value]?.selectionSet));
  return info.fieldNodes.some((node) => asks(node.selectionSet));
}
