import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '../config/config';
import { CONFIG } from '../config/config.provider';
import { TimedJob } from '../common/jobs/timed-job';
import { type DrainResult, SEARCH_ENGINE, type SearchEngine } from './search-engine';

/** How often each API instance pushes the search outbox: soon after a post, a question is findable. */
export const SEARCH_OUTBOX_POLL_SECONDS = 1;

/**
 * Runs the search outbox in every API instance (instances share the rows through SKIP LOCKED claims):
 * Meilisearch's pushes, or the PostgreSQL engine's rebuilds of the vectors of threads whose answers changed.
 */
@Injectable()
export class SearchOutboxWorker extends TimedJob {
  constructor(
    @Inject(SEARCH_ENGINE) private readonly engine: SearchEngine,
    @Inject(CONFIG) config: AppConfig,
  ) {
    super('SearchOutbox', config);
  }

  protected intervalSeconds(): number {
    return SEARCH_OUTBOX_POLL_SECONDS;
  }

  /** Pushes everything due now. */
  runOnce(): Promise<DrainResult> {
    return this.engine.drain();
  }
}
