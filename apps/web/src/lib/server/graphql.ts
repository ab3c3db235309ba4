import { env } from '$env/dynamic/private';
import { getRequestEvent } from '$app/server';
import type { TypedDocumentString } from '@peerdesk/api-client';
import { type Dispatcher, Pool } from 'undici';

/**
 * Server-only GraphQL client for the Peerdesk API. It lives under $lib/server so SvelteKit refuses to
 * bundle it for the browser: the API address (API_URL) and the forwarded session never reach the client.
 */

export const SESSION_COOKIE = 'peerdesk_session';
const DEFAULT_API_URL = 'http://127.0.0.1:4000/graphql';
const TIMEOUT_MS = 10_000;

/** Code used when the API could not be reached or did not answer with GraphQL. */
export const API_UNAVAILABLE = 'API_UNAVAILABLE';

export type Variables = Record<string, unknown>;

interface GraphQLErrorPayload {
  message: string;
  path?: ReadonlyArray<string | number>;
  extensions?: { code?: string; fields?: unknown; [key: string]: unknown };
}

interface GraphQLResponse<T> {
  data?: T | null;
  errors?: GraphQLErrorPayload[];
}

/** A failed GraphQL request: `code` is the first error's `extensions.code` (or API_UNAVAILABLE). */
export class GraphQLRequestError extends Error {
  override readonly name = 'GraphQLRequestError';
  readonly code: string;
  readonly path?: ReadonlyArray<string | number>;
  /** Field-level validation messages, when the API sends them (`extensions.fields`). */
  readonly fields?: unknown;
  /** Every error the API returned, in order. */
  readonly errors: GraphQLErrorPayload[];

  constructor(code: string, message: string, errors: GraphQLErrorPayload[] = [], options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
    this.errors = errors;
    this.path = errors[0]?.path;
    this.fields = errors[0]?.extensions?.fields;
  }

  get unavailable(): boolean {
    return this.code === API_UNAVAILABLE;
  }
}

export function apiUrl(): string {
  return env.API_URL || DEFAULT_API_URL;
}

/**
 * Kept-alive connections to the API, one pool per address. undici's request() rather than fetch: a page's
 * request then costs no Request, Response, Headers, web streams or abort signal (a quarter of the web
 * process's CPU on a category page went to them), and the answer is parsed from its bytes once.
 */
const pools = new Map<string, Pool>();

function poolFor(url: URL): Pool {
  let pool = pools.get(url.origin);
  if (!pool) {
    pool = new Pool(url.origin, { headersTimeout: TIMEOUT_MS, bodyTimeout: TIMEOUT_MS });
    pools.set(url.origin, pool);
  }
  return pool;
}

/** The visitor's session token, when this runs inside a request that carries one. */
function sessionToken(): string | undefined {
  try {
    return getRequestEvent().cookies.get(SESSION_COOKIE);
  } catch {
    return undefined; // called outside a request (scripts, tests): no session to forward
  }
}

/** The visitor's browser as it describes itself, for the API's list of sessions. */
function visitorUserAgent(): string | null {
  try {
    return getRequestEvent().request.headers.get('user-agent');
  } catch {
    return null;
  }
}

/**
 * The visitor's address, for the API's per-IP rate limits: sent as X-Forwarded-For, which the API
 * believes only from addresses its TRUST_PROXY names (this web server's, e.g. loopback).
 */
function clientAddress(): string | undefined {
  try {
    return getRequestEvent().getClientAddress();
  } catch {
    return undefined; // outside a request: the API counts this server's own address
  }
}

/**
 * POSTs a GraphQL operation to the API and returns its `data`, typed by the generated document
 * (@peerdesk/api-client, from `npm run codegen`).
 * Throws GraphQLRequestError on GraphQL errors and when the API is unreachable.
 */
export async function graphql<T, V extends Variables>(document: TypedDocumentString<T, V>, ...variables: {} extends V ? [V?] : [V]): Promise<T>;
/** @deprecated A plain query string: its answer is typed by hand. Pass a generated document instead. */
export async function graphql<T>(query: string, variables?: Variables): Promise<T>;
export async function graphql<T>(document: string | TypedDocumentString<T, Variables>, variables?: Variables): Promise<T> {
  const query = document.toString();
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    accept: 'application/graphql-response+json, application/json',
  };
  const token = sessionToken();
  if (token) headers.cookie = `${SESSION_COOKIE}=${encodeURIComponent(token)}`;
  const userAgent = visitorUserAgent();
  if (userAgent) headers['user-agent'] = userAgent;
  const address = clientAddress();
  if (address) headers['x-forwarded-for'] = address;

  const url = new URL(apiUrl());
  let response: Dispatcher.ResponseData;
  try {
    response = await poolFor(url).request({ path: url.pathname + url.search, method: 'POST', headers, body: JSON.stringify(variables ? { query, variables } : { query }) });
  } catch (cause) {
    throw new GraphQLRequestError(API_UNAVAILABLE, 'The Peerdesk API could not be reached.', [], { cause });
  }

  let body: GraphQLResponse<T>;
  try {
    body = (await response.body.json()) as GraphQLResponse<T>;
  } catch (cause) {
    throw new GraphQLRequestError(API_UNAVAILABLE, `The Peerdesk API answered HTTP ${response.statusCode} without GraphQL.`, [], { cause });
  }

  if (body.errors?.length) {
    const [first] = body.errors;
    throw new GraphQLRequestError(first.extensions?.code ?? 'UNKNOWN', first.message, body.errors);
  }
  if (body.data == null) {
    throw new GraphQLRequestError(API_UNAVAILABLE, `The Peerdesk API answered HTTP ${response.statusCode} without data.`);
  }
  return body.data;
}
