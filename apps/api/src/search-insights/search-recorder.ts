import { Inject, Injectable, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { isPoorResult } from '@peerdesk/domain';
import type { AppConfig } from '../config/config';
import { CONFIG } from '../config/config.provider';
import { WriteBuffer } from '../common/jobs/write-buffer';
import { SearchInsightsRepository, type SearchQueryDayCounts } from './search-insights.repository';

/**
 * How often each API instance writes the searches it has counted. A committed write per search cost every
 * search a WAL flush; one statement per instance every 2 s costs nothing a search waits for, and 2 s is as
 * late as a manager's searchGaps can see another instance's searches.
 */
export const SEARCH_FLUSH_SECONDS = 2;

/** Distinct (day, query) rows buffered that start a flush at once rather than at the next tick. */
const FLUSH_AT_ROWS = 1_000;

/**
 * Rows held at most, buffered and being written together. Only reached while the database keeps failing
 * (failed rows are kept for the next flush); then searches of queries not held already go uncounted.
 */
const MAX_HELD_ROWS = 10_000;

/** Adds `later` into `held`, as the database would add a later write into the row. */
function addInto(held: SearchQueryDayCounts, later: SearchQueryDayCounts): void {
  held.searches += later.searches;
  held.zeroResults += later.zeroResults;
  held.poorResults += later.poorResults;
  if (later.lastSeenAt >= held.lastSeenAt) {
    held.lastTotal = later.lastTotal;
    held.lastSeenAt = later.lastSeenAt;
  }
  if (later.firstSeenAt < held.firstSeenAt) held.firstSeenAt = later.firstSeenAt;
}

/**
 * Counts searches in memory, per UTC day and normalized query, and writes them to search_query_days in one
 * statement per flush: on a timer, when the buffer grows large, before searchGaps reads, and on shutdown.
 * A search never waits for the database. Flushes in one process run one at a time; a failed one keeps its
 * counts for the next. A process that dies without shutting down loses the counts of its last interval.
 */
@Injectable()
export class SearchRecorder implements OnModuleInit, OnApplicationShutdown {
  private readonly buffer = new WriteBuffer<SearchQueryDayCounts>({
    name: SearchRecorder.name, what: 'searches', merge: addInto, flushAtRows: FLUSH_AT_ROWS, maxHeldRows: MAX_HELD_ROWS,
    write: (rows) => this.repository.addSearchCounts(rows),
  });

  constructor(
    private readonly repository: SearchInsightsRepository,
    @Inject(CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    // Tests flush when they read (as searchGaps does): a timer would only make their timing matter.
    if (this.config.backgroundTimers) this.startFlushing(SEARCH_FLUSH_SECONDS);
  }

  /** Flushes every `seconds` (the timer does not keep the process alive). */
  startFlushing(seconds: number): void {
    this.buffer.start(seconds);
  }

  /** After the HTTP server has stopped (no search is still running), the last counts go out. */
  onApplicationShutdown(): Promise<void> {
    return this.buffer.stop();
  }

  /** One search of `query` (normalized) at `at` that found `totalCount` results. Synchronous: nothing is written here. */
  record(query: string, totalCount: number, at: Date): void {
    // PostgreSQL text cannot hold NUL: such a row would fail every flush it rode in.
    if (query.includes('\u0000')) return;
    const day = at.toISOString().slice(0, 10);
    this.buffer.add(`${day} ${query}`, {
      day, query, searches: 1, zeroResults: totalCount === 0 ? 1 : 0, poorResults: isPoorResult(totalCount) ? 1 : 0,
      lastTotal: totalCount, firstSeenAt: at, lastSeenAt: at,
    });
  }

  /** Writes every search recorded before the call (resolves once written, or kept after a logged failure: it never rejects). */
  flush(): Promise<void> {
    return this.buffer.flush();
  }
}
