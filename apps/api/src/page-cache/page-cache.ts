import { Inject, Injectable, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { type ApolloServerPlugin, type GraphQLRequestContext, type GraphQLRequestListener, HeaderMap } from '@apollo/server';
import { type FormattedExecutionResult, Kind } from 'graphql';
import { LRUCache } from 'lru-cache';
import type { ApolloDriverConfig } from '@nestjs/apollo';
import { DataSource } from 'typeorm';
import type { RequestContext } from '../common/viewer';
import type { AppConfig } from '../config/config';
import { CONFIG } from '../config/config.provider';
import { NotificationListener } from '../database/notification-listener';

type ApolloPlugin = NonNullable<ApolloDriverConfig['plugins']>[number];

/** The channel page-cache/sql/page-cache-notify.sql notifies on. */
export const PAGE_CACHE_CHANNEL = 'page_cache';

/**
 * The root fields of the public pages (home, category list, question page, search): a query of only these, by
 * an anonymous viewer, answers the same for every anonymous viewer until a write, so it may be cached.
 * `similarQuestions` is not among them: the titles typed while asking rarely repeat.
 */
const PUBLIC_ROOT_FIELDS = new Set(['announcement', 'categories', 'category', 'questions', 'question', 'search', '__typename']);

/**
 * Responses held at most, and their size in all (characters of their JSON): a page is a few to a few hundred kB. A
 * held response takes 1.0–1.4 bytes of heap per character of its JSON (measured on the home, category and question
 * pages; text outside Latin-1 takes two), so the bound keeps the cache under about 45 MB of the API's memory, while
 * 2,000 pages of the usual 10–20 kB fit in it.
 */
const MAX_ENTRIES = 2_000;
const MAX_CHARS = 32 * 1024 * 1024;

interface Entry {
  result: FormattedExecutionResult;
  /** What answering it did besides reading (RequestContext.repeatOnHit): done again on every hit. */
  repeatOnHit: RequestContext['repeatOnHit'];
}

/**
 * Anonymous page views and searches served from memory: each API instance keeps the responses to anonymous
 * GraphQL queries of the public pages' root fields (PUBLIC_ROOT_FIELDS, `search` among them) for
 * PAGE_CACHE_SECONDS, keyed by the operation's text, name and variables (nothing else about an anonymous
 * request changes the answer). A hit runs no SQL; what the answer did besides reading is done again
 * (RequestContext.repeatOnHit): its question views are counted and its searches recorded (buffered, like any).
 *
 * Every write to a table the pages read sends `NOTIFY page_cache` at its commit (page-cache-notify.sql),
 * and so does each change of the search index: the PostgreSQL engine's vectors are columns of `questions`,
 * and Meilisearch's outbox rows leave, once Meilisearch has applied their batch, in a transaction that
 * notifies (SearchOutboxRepository.complete);
 * each instance LISTENs on a connection of its own and empties its whole cache on each one (whole: simpler
 * than tags, and a write-heavy minute only lowers the hit rate). So behind a load balancer an anonymous
 * reader sees a write as soon as the notification reaches the instance that answers (sub-millisecond on
 * one host), and a held, hidden or deleted post leaves every cache then. While the connection is lost, the
 * cache is emptied and neither read nor filled until it listens again; a response computed while a
 * notification arrived is not stored (it may predate the write). Signed-in viewers never touch it.
 */
@Injectable()
export class PageCache implements OnModuleInit, OnApplicationShutdown {
  private readonly entries: LRUCache<string, Entry> | null;
  private readonly listener: NotificationListener | null;
  /** Moves on every emptying: a response whose request began under another generation is not stored. */
  private generation = 0;

  constructor(
    @Inject(CONFIG) config: AppConfig,
    db: DataSource,
  ) {
    if (config.pageCacheSeconds === 0) {
      this.entries = null;
      this.listener = null;
      return;
    }
    this.entries = new LRUCache<string, Entry>({
      max: MAX_ENTRIES, maxSize: MAX_CHARS, ttl: config.pageCacheSeconds * 1000,
      sizeCalculation: (entry) => Math.max(1, JSON.stringify(entry.result).length),
    });
    const url = (db.options as { url: string }).url; // database/data-source.ts always connects by URL
    this.listener = new NotificationListener(url, PAGE_CACHE_CHANNEL, {
      onNotify: () => this.empty(),
      onListening: () => this.empty(),
      onLost: () => this.empty(),
    });
  }

  onModuleInit(): Promise<void> | undefined {
    return this.listener?.start();
  }

  onApplicationShutdown(): Promise<void> | undefined {
    return this.listener?.stop();
  }

  /** Whether the cache is in use now: on, and listening for writes. */
  get listening(): boolean {
    return this.listener?.listening ?? false;
  }

  /** Responses held now. */
  get size(): number {
    return this.entries?.size ?? 0;
  }

  /** Resolves once every write committed before the call has emptied this cache (tests; see NotificationListener.caughtUp). */
  async caughtUp(): Promise<void> {
    await this.listener?.caughtUp();
  }

  /** The Apollo plugin that answers from the cache and fills it. */
  plugin(): ApolloPlugin {
    const plugin: ApolloServerPlugin<RequestContext> = { requestDidStart: async () => (this.entries ? this.requestListener(this.entries) : undefined) };
    // The driver's plugin list is typed for any context; ours is always a RequestContext (app.module.ts builds it).
    return plugin as unknown as ApolloPlugin;
  }

  private empty(): void {
    this.generation++;
    this.entries?.clear();
  }

  private requestListener(entries: LRUCache<string, Entry>): GraphQLRequestListener<RequestContext> {
    const generation = this.generation;
    let key: string | null = null;
    let hit = false;
    return {
      responseForOperation: async (request) => {
        key = this.listener?.listening ? keyOf(request) : null;
        const entry = key === null ? undefined : entries.get(key);
        if (!entry) return null;
        hit = true;
        for (const repeat of entry.repeatOnHit) repeat(request.contextValue);
        return { http: { status: undefined, headers: new HeaderMap() }, body: { kind: 'single', singleResult: entry.result } };
      },
      willSendResponse: async ({ response, contextValue }) => {
        if (key === null || hit || generation !== this.generation || !this.listener?.listening) return;
        // An error (bad input, a refusal, a failure) is never held: the next request meets it afresh.
        if (response.body.kind !== 'single' || response.body.singleResult.errors?.length || (response.http.status ?? 200) !== 200) return;
        entries.set(key, { result: response.body.singleResult, repeatOnHit: contextValue.repeatOnHit });
      },
    };
  }
}

/** The cache key of an anonymous query of public root fields only; null for anything else. */
function keyOf(request: GraphQLRequestContext<RequestContext>): string | null {
  const { operation, contextValue, source } = request;
  if (contextValue.viewer !== null || !operation || operation.operation !== 'query' || source === undefined) return null;
  const publicOnly = operation.selectionSet.selections.every((s) => s.kind === Kind.FIELD && PUBLIC_ROOT_FIELDS.has(s.name.value));
  if (!publicOnly) return null;
  return JSON.stringify([request.operationName ?? null, source, request.request.variables ?? {}]);
}
