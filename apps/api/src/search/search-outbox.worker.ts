import { Inject, Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import type { AppConfig } from '../config/config';
import { CONFIG } from '../config/config.provider';
import { JobRunner } from '../common/jobs/job-runner';
import { type DrainResult, SEARCH_ENGINE, type SearchEngine } from './search-engine';

/** How often each API instance pushes the search outbox: soon after a post, a question is findable. */
export const SEARCH_OUTBOX_POLL_SECONDS = 1;

/**
 * Runs the search outbox in every API instance (instances share the rows through SKIP LOCKED claims):
 * Meilisearch's pushes, or the PostgreSQL engine's rebuilds of the vectors of threads whose answers changed.
 * Not started under NODE_ENV=test, where tests call `drain` themselves (or `startPolling`, to show the
 * outbox catching up by itself).
 */
@Injectable()
export class SearchOutboxWorker implements OnModuleInit, OnModuleDestroy {
  private readonly runner = new JobRunner({ name: 'SearchOutbox', run: () => this.drain() });

  constructor(
    @Inject(SEARCH_ENGINE) private readonly engine: SearchEngine,
    @Inject(CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    if (this.config.nodeEnv !== 'test') this.startPolling(SEARCH_OUTBOX_POLL_SECONDS);
  }

  startPolling(seconds: number): void {
    this.runner.start(seconds);
  }

  /** Stops the timer and waits for a push in progress. */
  stopPolling(): Promise<void> {
    return this.runner.stop();
  }

  onModuleDestroy(): Promise<void> {
    return this.stopPolling();
  }

  /** Pushes everything due now. */
  drain(): Promise<DrainResult> {
    return this.engine.drain();
  }
}
