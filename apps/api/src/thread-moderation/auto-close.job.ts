import { Inject, Injectable } from '@nestjs/common';
import { drainBatches } from '../common/jobs/batches';
import { SweepCadenceJob } from '../common/jobs/sweep-cadence-job';
import type { AppConfig } from '../config/config';
import { CONFIG } from '../config/config.provider';
import { ThreadModerationService } from './thread-moderation.service';

const BATCH_SIZE = 100;

/** Closes solved questions whose category's auto-close days have passed, batch after batch, on the escalation sweep's cadence; safe in every API instance. */
@Injectable()
export class AutoCloseJob extends SweepCadenceJob {
  constructor(
    private readonly moderation: ThreadModerationService,
    @Inject(CONFIG) config: AppConfig,
  ) {
    super('AutoCloseSolved', config);
  }

  /** Closes every question due now; returns their ids. */
  runOnce(): Promise<string[]> {
    return drainBatches(() => this.moderation.autoCloseDue(BATCH_SIZE));
  }
}
