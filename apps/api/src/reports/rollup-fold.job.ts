import { Inject, Injectable } from '@nestjs/common';
import { TimedJob } from '../common/jobs/timed-job';
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
export class RollupFoldJob extends TimedJob {
  constructor(
    private readonly reports: ReportsRepository,
    @Inject(CONFIG) config: AppConfig,
  ) {
    super('ReportRollupFold', config);
  }

  protected intervalSeconds(): number {
    return FOLD_SECONDS;
  }

  /** One fold; returns the deltas it moved. */
  runOnce(): Promise<number> {
    return this.reports.foldRollupDeltas();
  }
}
