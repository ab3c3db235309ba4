import type { EntityManager } from 'typeorm';
import type { AuthorKind, ThreadStatus } from '@peerdesk/domain';

/**
 * The one search interface. Two engines implement it: PostgreSQL full-text search (the default,
 * `postgres-search.engine.ts`) and Meilisearch (`meilisearch.engine.ts`). Both pass the same contract
 * suite (`search.contract.ts`), so the product never knows which one answers.
 */

/** What a question looks like to a search engine: read from the database by `SearchDocumentsRepository`. */
export interface SearchDocument {
  questionId: string;
  title: string;
  /** Markdown source, as written. */
  body: string;
  tags: string[];
  categoryId: string;
  status: ThreadStatus;
  /** The accepted answer's Markdown, or null when nothing is accepted. */
  acceptedAnswerText: string | null;
  /** Who wrote the accepted answer, when there is one (filters "solved by the community"). */
  acceptedAnswerAuthorKind: AuthorKind | null;
  /** The other live answers' Markdown, joined. */
  otherAnswersText: string;
  /** Marked by a moderator as a duplicate of another question: never suggested by `similar` (its original is). */
  isDuplicate: boolean;
  score: number;
  answerCount: number;
  createdAt: Date;
  lastActivityAt: Date;
}

export interface SearchFilter {
  categoryId?: string | null;
  status?: ThreadStatus | null;
  tag?: string | null;
  /** Only questions with an accepted answer. */
  solvedOnly?: boolean | null;
}

/** RELEVANCE blends text rank, a boost for solved questions and a gentle recency decay. */
export type SearchSort = 'RELEVANCE' | 'NEWEST' | 'SCORE';
export const SEARCH_SORTS = ['RELEVANCE', 'NEWEST', 'SCORE'] as const satisfies readonly SearchSort[];

export interface SearchRequest {
  /** What the person typed: quoted phrases, `-exclusions` and `or` are understood by both engines. */
  query: string;
  filter: SearchFilter;
  sort: SearchSort;
  /** Offset paging: cursors the API hands out encode the offset. */
  offset: number;
  limit: number;
}

export interface SearchHit {
  questionId: string;
  /** HTML-escaped text with the matched words wrapped in `<mark>…</mark>`; never any other markup. */
  snippet: string;
}

export interface SearchResult {
  hits: SearchHit[];
  totalCount: number;
  /** False when the engine stopped counting at a cap: there are more matches than `totalCount`. */
  totalCountIsExact: boolean;
  /** Counts over the matches of the query and filter that were counted (not just this page). */
  facets: {
    categories: Array<{ categoryId: string; count: number }>;
    statuses: Array<{ status: ThreadStatus; count: number }>;
  };
}

export interface SimilarRequest {
  title: string;
  body?: string | null;
  limit: number;
  /** Leave this question out (the one being edited, or a duplicate's own id). */
  excludeQuestionId?: string | null;
}

export interface ReindexProgress {
  done: number;
  total: number;
}

/** What a drain of the outbox did: questions brought into the index, and those whose push failed (retried later). */
export interface DrainResult {
  pushed: number;
  failed: number;
}

export interface SearchEngine {
  readonly name: 'postgres' | 'meilisearch';

  /** Creates what the engine needs (index settings, …); idempotent, run at start-up. */
  prepare(): Promise<void>;

  /**
   * Called inside the transaction that changed these questions or their answers, so the index can
   * never miss a committed write: PostgreSQL recomputes the questions' search vectors right there,
   * Meilisearch records them in its outbox (the worker pushes them after commit). Deleted questions
   * are removed from the index the same way.
   */
  documentsChanged(em: EntityManager, questionIds: readonly string[]): Promise<void>;

  /**
   * Like `documentsChanged`, when only the answers of these questions changed (posted, edited, removed, accepted or no longer): the
   * change may reach the index after commit, through the outbox, so that several answers to one thread cost one
   * rebuild of its document. Searchable once the outbox is drained (`drain`, every second in each instance).
   */
  answersChanged(em: EntityManager, questionIds: readonly string[]): Promise<void>;

  /**
   * Like `documentsChanged`, when only these questions' thread status changed (escalated, back to the community):
   * PostgreSQL reads the status from the question row as it searches and has nothing to recompute; Meilisearch
   * holds the status in its documents and records them in its outbox.
   */
  statusChanged(em: EntityManager, questionIds: readonly string[]): Promise<void>;

  search(request: SearchRequest): Promise<SearchResult>;

  /** Likely duplicates of a question being asked: live questions that are not marked duplicates, solved ones first, best first. */
  similar(request: SimilarRequest): Promise<string[]>;

  /** Rebuilds the whole index from the database, reporting progress as it goes; returns how many documents. */
  reindexAll(onProgress?: (progress: ReindexProgress) => void): Promise<number>;

  /** How far behind the index is (outbox rows not yet pushed or rebuilt). */
  backlog(): Promise<number>;

  /** Brings every outbox row due now into the index. */
  drain(): Promise<DrainResult>;
}

/** The Nest injection token for the configured engine. */
export const SEARCH_ENGINE = Symbol('SEARCH_ENGINE');
