import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { drainBatches } from '../common/jobs/batches';
import { JobRunner } from '../common/jobs/job-runner';
import type { AppConfig } from '../config/config';
import { CONFIG } from '../config/config.provider';
import { ThreadModerationService } from './thread-moderation.service';

const BATCH_SIZE = 100;

/** Closes solved questions whose category's auto-close days have passed, batch after batch, on the escalation sweep's cadence; safe in every API instance. */
@Injectable()
export class AutoCloseJob implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly runner = new JobRunner({ name: 'AutoCloseSolved', run: () => this.runOnce() });

  constructor(
    private readonly moderation: ThreadModerationService,
    @Inject(CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.nodeEnv === 'test' || this.config.escalationSweepSeconds === 0) return;
    this.runner.start(this.config.escalationSweepSeconds);
  }

  onApplicationShutdown(): Promise<void> {
    return this.runner.stop();
  }

  /** Closes every question due now; returns their ids. */
  runOnce(): Promise<string[]> {
    return drainBatches(() => this.moderation.autoCloseDue(BATCH_SIZE));
  }
}
