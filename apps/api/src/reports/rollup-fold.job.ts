import { Inject, Injectable } from '@nestjs/common';
import { TimedJob } from '../common/jobs/timed-job';
import type { AppConfig } from '../config/config';
import { CONFIG } from '../config/config.provider';
import { ReportsRepository } from './reports.repository';

/** Often enough that the deltas the report reads beside the rollups stay a few seconds' worth of writes. */
const FOLD_SECONDS = 5;

/**
 * Refreshes the report facts that hot writes left for after their commit (each process takes rows the others do not
 * hold), then folds the report rollup deltas that writers append (reports/sql/report-rollups.sql) into the rollup
 * tables. Safe in every API instance: one fold at a time holds the advisory lock, the others return at once.
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

  /** Refreshes the report facts hot writes noted (which appends deltas), then one fold; returns the deltas it moved. */
  async runOnce(): Promise<number> {
    await this.reports.refreshNotedFacts(false);
    return this.reports.foldRollupDeltas();
  }
}
