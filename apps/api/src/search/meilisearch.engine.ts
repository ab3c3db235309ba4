import { Logger } from '@nestjs/common';
import type { ThreadStatus } from '@peerdesk/domain';
import { type Index, Meilisearch, MeilisearchApiError, type SearchParams, type Task } from 'meilisearch';
import type { EntityManager } from 'typeorm';
import type { Clock } from '../common/clock';
import { afterFailure, errorText, leaseUntil, type RetryPolicy } from '../common/jobs/retry';
import type { SearchDocumentsRepository } from './search-documents.repository';
import type {
  DrainResult, ReindexProgress, SearchDocument, SearchEngine, SearchFilter, SearchRequest, SearchResult, SimilarRequest,
} from './search-engine';
import type { ClaimedRow, SearchOutboxRepository } from './search-outbox.repository';
import { markedSnippet, SNIPPET_START, SNIPPET_STOP } from './snippet';

export interface MeilisearchConnection {
  host: string;
  apiKey: string | null;
  index: string;
}

/** What the index holds per question: the SearchDocument with dates as numbers (sortable) and `solved`. */
interface IndexedQuestion {
  id: string;
  title: string;
  body: string;
  tags: string[];
  categoryId: string;
  status: ThreadStatus;
  solved: boolean;
  acceptedAnswerText: string;
  acceptedAnswerAuthorKind: string | null;
  otherAnswersText: string;
  isDuplicate: boolean;
  score: number;
  answerCount: number;
  createdAt: number;
  lastActivityAt: number;
}

export interface DrainOptions {
  /** Outbox rows per Meilisearch task. */
  batchSize?: number;
  /** Batches sent to Meilisearch and not yet confirmed, at most. */
  inFlight?: number;
  /** Told of each batch once Meilisearch confirmed it (the rows are then out of the outbox). */
  onPushed?: (rows: readonly ClaimedRow[]) => void;
}

const FACETS = ['categoryId', 'status'];
/** Rows pushed per Meilisearch task by the worker. */
const PUSH_BATCH = 500;
/**
 * Batches in flight at once. Each Meilisearch indexing run has a fixed cost (word prefixes, facets,
 * commit) and Meilisearch merges the document tasks queued meanwhile into its next run, so sending the
 * next batches while one is indexed keeps it busy and pays that cost once per several batches.
 */
const PUSHES_IN_FLIGHT = 4;
/** Rows per batch for a full rebuild (bigger tasks, fewer runs). */
const REINDEX_BATCH = 2000;
/** A push not confirmed within this is a failure (retried later); well under the outbox lease, with the pushes in flight before it. */
const TASK_TIMEOUT_MS = 120_000;

/** 2 s, 4, 8 … capped at 5 minutes, and never given up: a row leaves only once Meilisearch has its change. */
export const SEARCH_OUTBOX_RETRY: RetryPolicy = {
  maxAttempts: Number.POSITIVE_INFINITY,
  baseSeconds: 2,
  maxDelaySeconds: 300,
  // Longer than a push may take (the task wait gives up after two minutes), so two workers never push one question at once.
  leaseSeconds: 300,
};

/**
 * Settings made by code at start-up. `sort` comes first so NEWEST and SCORE are strict orders (and
 * the `or` alternatives merge in that order); without a sort it does nothing. The solved boost sits
 * after the field (and position) the words matched at: a solved question beats an unsolved one matched
 * as well, not one matched in its title. Newer first breaks the last ties (PostgreSQL's recency decay).
 */
const SETTINGS = {
  searchableAttributes: ['title', 'tags', 'acceptedAnswerText', 'body', 'otherAnswersText'],
  filterableAttributes: ['categoryId', 'status', 'tags', 'solved', 'acceptedAnswerAuthorKind', 'isDuplicate'],
  sortableAttributes: ['createdAt', 'score', 'solved'],
  rankingRules: ['sort', 'words', 'typo', 'proximity', 'attribute', 'solved:desc', 'exactness', 'createdAt:desc'],
  typoTolerance: { enabled: true, minWordSizeForTypos: { oneTypo: 5, twoTypos: 9 } },
  // Deep pages and every category in the facet counts.
  pagination: { maxTotalHits: 10_000 },
  faceting: { maxValuesPerFacet: 1000 },
};

const SORTS: Record<SearchRequest['sort'], string[] | undefined> = {
  RELEVANCE: undefined,
  NEWEST: ['createdAt:desc'],
  SCORE: ['score:desc'],
};

/**
 * The product's query syntax, read as `websearch_to_tsquery` reads it: `or` separates alternatives,
 * each an AND of words, "quoted phrases" and -exclusions, which Meilisearch understands as they are.
 * One Meilisearch query per alternative; a federated search merges them. HTML tags are dropped, as
 * PostgreSQL's parser drops them (`<b>word</b>` searches for word).
 */
export function queryAlternatives(query: string): string[] {
  const alternatives: string[][] = [[]];
  const text = query.replace(/<\/?[A-Za-z][^<>]*>/g, ' ');
  for (const token of text.match(/-?"[^"]*"?|\S+/g) ?? []) {
    if (token.toLowerCase() === 'or') alternatives.push([]);
    else alternatives[alternatives.length - 1].push(token.startsWith('"') || token.startsWith('-"') ? closeQuote(token) : token);
  }
  return alternatives.map((words) => words.join(' ')).filter((words) => /[^\s"-]/.test(words));
}

function closeQuote(token: string): string {
  return token.length > 1 && token.endsWith('"') && token !== '-"' ? token : `${token}"`;
}

/** A Meilisearch filter string literal. */
function literal(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

function filterExpression(filter: SearchFilter): string | undefined {
  const parts: string[] = [];
  if (filter.categoryId) parts.push(`categoryId = ${literal(filter.categoryId)}`);
  if (filter.status) parts.push(`status = ${literal(filter.status)}`);
  if (filter.tag) parts.push(`tags = ${literal(filter.tag)}`);
  if (filter.solvedOnly) parts.push('solved = true');
  return parts.length ? parts.join(' AND ') : undefined;
}

/** The snippet markers are the engine's alone: a post cannot bring its own. */
function withoutMarkers(text: string): string {
  return text.replaceAll(SNIPPET_START, '').replaceAll(SNIPPET_STOP, '');
}

function toIndexed(doc: SearchDocument): IndexedQuestion {
  return {
    id: doc.questionId,
    title: withoutMarkers(doc.title),
    body: withoutMarkers(doc.body),
    tags: doc.tags,
    categoryId: doc.categoryId,
    status: doc.status,
    solved: doc.acceptedAnswerText !== null,
    acceptedAnswerText: withoutMarkers(doc.acceptedAnswerText ?? ''),
    acceptedAnswerAuthorKind: doc.acceptedAnswerAuthorKind,
    otherAnswersText: withoutMarkers(doc.otherAnswersText),
    isDuplicate: doc.isDuplicate,
    score: doc.score,
    answerCount: doc.answerCount,
    createdAt: new Date(doc.createdAt).getTime(),
    lastActivityAt: new Date(doc.lastActivityAt).getTime(),
  };
}

/** Up to two highlighted fragments (title, body, accepted answer); the body's opening when nothing is highlighted (a typo or tag match). */
function snippetOf(formatted: Partial<Record<'title' | 'body' | 'acceptedAnswerText', string>> | undefined): string {
  const fields = [formatted?.title, formatted?.body, formatted?.acceptedAnswerText].filter((text): text is string => !!text);
  const highlighted = fields.filter((text) => text.includes(SNIPPET_START)).slice(0, 2);
  const joined = highlighted.map((text) => text.replace(/^…|…$/g, '')).join(' … ');
  return markedSnippet(joined || (formatted?.body ?? formatted?.title ?? ''));
}

function byCountThenKey(a: [string, number], b: [string, number]): number {
  if (a[1] !== b[1]) return b[1] - a[1];
  return a[0].length - b[0].length || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);
}

/**
 * Meilisearch, kept current through a transactional outbox: `documentsChanged` writes outbox rows in
 * the caller's transaction, and `drain` (run by `SearchOutboxWorker` in every API instance) pushes
 * them after commit, waits for Meilisearch's task to succeed, and only then deletes them. A failed
 * push keeps its rows and retries with back-off, so an outage loses nothing and catches up by itself.
 */
export class MeilisearchEngine implements SearchEngine {
  readonly name = 'meilisearch' as const;
  private readonly logger = new Logger('Search');
  private readonly client: Meilisearch;
  private readonly index: Index<IndexedQuestion>;
  /** Settles once the index exists with its settings; forgotten when that failed, so the next push tries again. */
  private preparing: Promise<void> | null = null;

  constructor(
    private readonly outbox: SearchOutboxRepository,
    private readonly documents: SearchDocumentsRepository,
    private readonly connection: MeilisearchConnection,
    private readonly clock: Clock,
  ) {
    this.client = new Meilisearch({
      host: connection.host,
      apiKey: connection.apiKey ?? undefined,
      timeout: 10_000,
      defaultWaitOptions: { timeout: TASK_TIMEOUT_MS, interval: 50 },
    });
    this.index = this.client.index<IndexedQuestion>(connection.index);
  }

  /**
   * Creates the index and applies the settings. Meilisearch being down does not stop the API from
   * starting: the outbox keeps every change, and the next push prepares the index first.
   */
  async prepare(): Promise<void> {
    try {
      await this.ensurePrepared();
    } catch (error) {
      this.logger.warn(`Meilisearch at ${this.connection.host} is not ready (${errorText(error)}); changes wait in the outbox.`);
    }
  }

  /** Once per engine, however many pushes ask at the same time. */
  private ensurePrepared(): Promise<void> {
    this.preparing ??= this.createIndexWithSettings().catch((error: unknown) => {
      this.preparing = null;
      throw error;
    });
    return this.preparing;
  }

  private async createIndexWithSettings(): Promise<void> {
    const exists = await this.index.getRawInfo().then(
      () => true,
      (error: unknown) => {
        if (error instanceof MeilisearchApiError && error.cause?.code === 'index_not_found') return false;
        throw error;
      },
    );
    if (!exists) {
      const created = await this.client.createIndex(this.connection.index, { primaryKey: 'id' }).waitTask();
      // Another instance may have made it meanwhile.
      if (created.error?.code !== 'index_already_exists') succeeded(created);
    }
    succeeded(await this.index.updateSettings(SETTINGS).waitTask());
  }

  async documentsChanged(em: EntityManager, questionIds: readonly string[]): Promise<void> {
    await this.outbox.enqueue(em, questionIds, this.clock.now());
  }

  statusChanged(em: EntityManager, questionIds: readonly string[]): Promise<void> {
    return this.documentsChanged(em, questionIds);
  }

  answersChanged(em: EntityManager, questionIds: readonly string[]): Promise<void> {
    return this.documentsChanged(em, questionIds);
  }

  async search(request: SearchRequest): Promise<SearchResult> {
    const alternatives = queryAlternatives(request.query);
    const empty: SearchResult = { hits: [], totalCount: 0, totalCountIsExact: true, facets: { categories: [], statuses: [] } };
    if (alternatives.length === 0) return empty;
    const markers = { highlightPreTag: SNIPPET_START, highlightPostTag: SNIPPET_STOP };
    const params: SearchParams = {
      filter: filterExpression(request.filter),
      sort: SORTS[request.sort],
      matchingStrategy: 'all',
      attributesToRetrieve: ['id'],
      attributesToHighlight: ['title', 'body', 'acceptedAnswerText'],
      attributesToCrop: ['body', 'acceptedAnswerText'],
      cropLength: 30,
      cropMarker: '…',
      ...markers,
    };
    const response = await this.client.multiSearch({
      federation: {
        offset: request.offset,
        limit: request.limit,
        facetsByIndex: { [this.connection.index]: FACETS },
        mergeFacets: {},
      },
      queries: alternatives.map((q) => ({ indexUid: this.connection.index, q, ...params })),
    });
    const distribution = (response.facetDistribution ?? {}) as Record<string, Record<string, number>>;
    const categories = Object.entries(distribution.categoryId ?? {}).sort(byCountThenKey);
    const statuses = Object.entries(distribution.status ?? {}).sort(byCountThenKey);
    return {
      hits: response.hits.map((hit) => ({
        questionId: String(hit.id),
        snippet: snippetOf(hit._formatted as Partial<Record<'title' | 'body' | 'acceptedAnswerText', string>> | undefined),
      })),
      // Every question has one status, so the status counts add up to the exact match count
      // (`estimatedTotalHits` is an estimate, capped at maxTotalHits).
      totalCount: statuses.reduce((sum, [, count]) => sum + count, 0),
      totalCountIsExact: true,
      facets: {
        categories: categories.map(([categoryId, count]) => ({ categoryId, count })),
        statuses: statuses.map(([status, count]) => ({ status: status as ThreadStatus, count })),
      },
    };
  }

  /**
   * Questions sharing the title's rarest words (Meilisearch drops the most frequent words first), solved
   * first; never a marked duplicate (its original is the one to suggest). `!= true` rather than `= false`
   * keeps documents pushed before the attribute existed.
   */
  async similar(request: SimilarRequest): Promise<string[]> {
    const response = await this.index.search(request.title, {
      matchingStrategy: 'frequency',
      filter: 'isDuplicate != true',
      sort: ['solved:desc'],
      attributesToRetrieve: ['id'],
      limit: request.limit + 1,
    });
    return response.hits
      .map((hit) => String(hit.id))
      .filter((id) => id !== request.excludeQuestionId)
      .slice(0, request.limit);
  }

  /**
   * Rebuilds through the outbox: every question is enqueued, then pushed like any change (so a
   * rebuild never races the worker over one question), several batches in flight. Progress counts
   * questions Meilisearch has confirmed, each once (a question changed during the rebuild is pushed
   * again, not counted again); rows a running API's worker holds are waited for, not assumed done.
   */
  async reindexAll(onProgress?: (progress: ReindexProgress) => void, options: Omit<DrainOptions, 'onPushed'> = {}): Promise<number> {
    await this.ensurePrepared();
    const rebuildAt = this.clock.now();
    const total = await this.outbox.enqueueAllQuestions(rebuildAt);
    let done = 0;
    onProgress?.({ done, total });
    const onPushed = (rows: readonly ClaimedRow[]) => {
      // Rows enqueued after the rebuild began are changes made meanwhile, already counted once.
      done = Math.min(total, done + rows.filter((row) => row.enqueuedAt <= rebuildAt).length);
      onProgress?.({ done, total });
    };
    for (;;) {
      const { failed } = await this.drain({ batchSize: REINDEX_BATCH, ...options, onPushed });
      if (failed > 0) {
        throw new Error(`Meilisearch refused a push: ${(await this.outbox.anyError()) ?? 'unknown error'}`);
      }
      // Nothing left to claim: what remains of the rebuild is in another worker's hands (or its lease ran out).
      const pending = await this.outbox.pendingSince(rebuildAt);
      if (total - pending > done) {
        done = total - pending;
        onProgress?.({ done, total });
      }
      if (pending === 0) return total;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }

  async backlog(): Promise<number> {
    return (await this.outbox.state()).backlog;
  }

  /**
   * Pushes due outbox rows until none is due or a push fails (the rest then waits for its back-off
   * rather than hammering a server that is down), with up to `inFlight` batches sent before the oldest
   * is confirmed. Batches hold different questions (claims are leased), so their order does not matter.
   */
  async drain({ batchSize = PUSH_BATCH, inFlight = PUSHES_IN_FLIGHT, onPushed }: DrainOptions = {}): Promise<DrainResult> {
    const result: DrainResult = { pushed: 0, failed: 0 };
    const sent: Array<Promise<SentBatch>> = [];
    let claiming = true;
    while (claiming || sent.length > 0) {
      if (claiming && sent.length < inFlight) {
        const claimedAt = this.clock.now();
        const rows = await this.outbox.claimDue(claimedAt, batchSize, leaseUntil(SEARCH_OUTBOX_RETRY, claimedAt));
        if (rows.length === 0) claiming = false;
        else sent.push(this.push(rows.map((row) => row.questionId)).then(() => ({ rows, claimedAt, error: null }), (error: unknown) => ({ rows, claimedAt, error })));
        continue;
      }
      const { rows, claimedAt, error } = await sent.shift()!;
      if (error === null) {
        await this.outbox.complete(rows, claimedAt, this.clock.now());
        result.pushed += rows.length;
        onPushed?.(rows);
      } else {
        const now = this.clock.now();
        const retryAt = rows.map((row) => afterFailure(SEARCH_OUTBOX_RETRY, row.attempts, now).retryAt);
        await this.outbox.fail(rows, errorText(error), retryAt);
        this.logger.warn(`Search index update failed, ${rows.length} questions retried later: ${errorText(error)}`);
        result.failed += rows.length;
        claiming = false;
      }
    }
    return result;
  }

  /** Sends the questions' current documents (deleting the ones gone) and waits until Meilisearch has applied them. */
  private async push(questionIds: string[]): Promise<void> {
    await this.ensurePrepared();
    const documents = await this.documents.load(questionIds);
    const live = new Set(documents.map((doc) => doc.questionId));
    const gone = questionIds.filter((id) => !live.has(id));
    const tasks: Array<Promise<Task>> = [];
    if (documents.length) tasks.push(this.index.addDocuments(documents.map(toIndexed)).waitTask());
    if (gone.length) tasks.push(this.index.deleteDocuments(gone).waitTask());
    for (const task of await Promise.all(tasks)) succeeded(task);
  }
}

/** A batch sent to Meilisearch: confirmed when `error` is null. */
interface SentBatch {
  rows: ClaimedRow[];
  claimedAt: Date;
  error: unknown;
}

function succeeded(task: Task): void {
  if (task.status !== 'succeeded') {
    throw new Error(`Meilisearch task ${task.uid} ${task.status}${task.error ? `: ${task.error.code}: ${task.error.message}` : ''}`);
  }
}
