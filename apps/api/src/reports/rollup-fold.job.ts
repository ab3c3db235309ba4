import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { JobRunner } from '../common/jobs/job-runner';
import type { AppConfig } from '../config/config';
import { CONFIG } from '../config/config.provider';
import { ReportsRepository } from './reports.repository';

/** Often enough that the deltas the report reads beside the rollups stay a few seconds' worth of writes. */
const FOLD_SECONDS = 5;

/**
 * Folds the report rollup deltas that writers append (reports/sql/report-rollups.sql) into the rollup tables. Safe in
 * every API instance: one fold at a time holds the advisory lock, the others return at once.
 */
@Injectable()
export class RollupFoldJob implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly runner = new JobRunner({ name: 'ReportRollupFold', run: () => this.runOnce() });

  constructor(
    private readonly reports: ReportsRepository,
    @Inject(CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.nodeEnv === 'test') return;
    this.runner.start(FOLD_SECONDS);
  }

  onApplicationShutdown(): Promise<void> {
    return this.runner.stop();
  }

  /** One fold; returns the deltas it moved. */
  runOnce(): Promise<number> {
    return this.reports.foldRollupDeltas();
  }
}
