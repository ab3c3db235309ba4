import { Inject, Injectable } from '@nestjs/common';
import { TimedJob } from '../common/jobs/timed-job';
import type { AppConfig } from '../config/config';
import { CONFIG } from '../config/config.provider';
import { type TrustLevelChanges, TrustLevelsService } from './trust-levels.service';

/** Re-evaluates the trust levels of members whose activity moved, every TRUST_LEVEL_SWEEP_SECONDS (0 turns it off). */
@Injectable()
export class TrustLevelsJob extends TimedJob {
  constructor(
    private readonly trustLevels: TrustLevelsService,
    @Inject(CONFIG) config: AppConfig,
  ) {
    super('TrustLevels', config);
  }

  protected intervalSeconds(): number {
    return this.config.trustLevelSweepSeconds;
  }

  /** One pass; null when another API process holds the pass. */
  runOnce(): Promise<TrustLevelChanges | null> {
    return this.trustLevels.evaluateChanged();
  }
}
