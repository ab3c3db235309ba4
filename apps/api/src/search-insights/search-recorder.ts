import { Inject, Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { isPoorResult } from '@peerdesk/domain';
import type { AppConfig } from '../config/config';
import { CONFIG } from '../config/config.provider';
import { JobRunner } from '../common/jobs/job-runner';
import { errorText } from '../common/jobs/retry';
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

/** Adds `counts` into the row `key` holds, as the database would add a later write into it. */
function addInto(rows: Map<string, SearchQueryDayCounts>, key: string, counts: SearchQueryDayCounts): void {
  const held = rows.get(key);
  if (!held) {
    rows.set(key, { ...counts });
    return;
  }
  held.searches += counts.searches;
  held.zeroResults += counts.zeroResults;
  held.poorResults += counts.poorResults;
  if (counts.lastSeenAt >= held.lastSeenAt) {
    held.lastTotal = counts.lastTotal;
    held.lastSeenAt = counts.lastSeenAt;
  }
  if (counts.firstSeenAt < held.firstSeenAt) held.firstSeenAt = counts.firstSeenAt;
}

/**
 * Counts searches in memory, per UTC day and normalized query, and writes them to search_query_days in one
 * statement per flush: on a timer, when the buffer grows large, before searchGaps reads, and on shutdown.
 * A search never waits for the database. Flushes in one process run one at a time; a failed one keeps its
 * counts for the next. A process that dies without shutting down loses the counts of its last interval.
 */
@Injectable()
export class SearchRecorder implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(SearchRecorder.name);
  /** Runs the writes, one at a time: on its timer, when woken by a large buffer, and when a caller flushes. */
  private readonly runner = new JobRunner({ name: SearchRecorder.name, run: () => this.writeBuffer() });
  private buffer = new Map<string, SearchQueryDayCounts>();
  /** Rows the write in progress took from the buffer: they count against MAX_HELD_ROWS until written or put back. */
  private rowsBeingWritten = 0;
  private uncounted = 0;

  constructor(
    private readonly repository: SearchInsightsRepository,
    @Inject(CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    // Tests flush when they read (as searchGaps does): a timer would only make their timing matter.
    if (this.config.nodeEnv !== 'test') this.startFlushing(SEARCH_FLUSH_SECONDS);
  }

  /** Flushes every `seconds` (the timer does not keep the process alive). */
  startFlushing(seconds: number): void {
    this.runner.start(seconds);
  }

  /** After the HTTP server has stopped (no search is still running), the last counts go out. */
  async onApplicationShutdown(): Promise<void> {
    await this.runner.stop();
    await this.flush();
  }

  /** One search of `query` (normalized) at `at` that found `totalCount` results. Synchronous: nothing is written here. */
  record(query: string, totalCount: number, at: Date): void {
    // PostgreSQL text cannot hold NUL: such a row would fail every flush it rode in.
    if (query.includes('\u0000')) return;
    const day = at.toISOString().slice(0, 10);
    const key = `${day} ${query}`;
    if (!this.buffer.has(key) && this.buffer.size + this.rowsBeingWritten >= MAX_HELD_ROWS) {
      this.uncounted++;
      return;
    }
    addInto(this.buffer, key, {
      day, query, searches: 1, zeroResults: totalCount === 0 ? 1 : 0, poorResults: isPoorResult(totalCount) ? 1 : 0,
      lastTotal: totalCount, firstSeenAt: at, lastSeenAt: at,
    });
    if (this.buffer.size === FLUSH_AT_ROWS) this.runner.wake();
  }

  /**
   * Writes every search recorded before the call (resolves once they are written, or kept after a failure,
   * which is logged: it never rejects). A flush in progress is waited for, then the rest goes out; callers
   * meanwhile share that next write, as it takes the buffer when it starts.
   */
  flush(): Promise<void> {
    return this.runner.runNow();
  }

  private async writeBuffer(): Promise<void> {
    if (this.uncounted > 0) {
      this.logger.warn(`${this.uncounted} searches went uncounted: ${MAX_HELD_ROWS} rows were held unwritten`);
      this.uncounted = 0;
    }
    if (this.buffer.size === 0) return;
    const batch = this.buffer;
    this.buffer = new Map();
    this.rowsBeingWritten = batch.size;
    try {
      await this.repository.addSearchCounts([...batch.values()]);
    } catch (error) {
      this.logger.warn(`Could not write search counts (${batch.size} rows, kept for the next flush): ${errorText(error)}`);
      // Searches recorded during the write are later ones: added on top, they win a tie on lastSeenAt.
      for (const [key, counts] of this.buffer) addInto(batch, key, counts);
      this.buffer = batch;
    } finally {
      this.rowsBeingWritten = 0;
    }
  }
}
