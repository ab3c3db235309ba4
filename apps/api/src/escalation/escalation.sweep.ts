import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { drainBatches } from '../common/jobs/batches';
import { JobRunner } from '../common/jobs/job-runner';
import type { AppConfig } from '../config/config';
import { CONFIG } from '../config/config.provider';
import { EscalationService } from './escalation.service';

export interface SweepResult {
  escalated: string[];
  breached: string[];
}

const BATCH_SIZE = 200;

/**
 * Escalates questions whose community deadline has passed and records breaches of staff deadlines.
 * Safe with any number of API instances: each batch claims its rows with FOR UPDATE SKIP LOCKED in a
 * short transaction, a claimed row is re-checked under its lock, and a unique index allows one
 * escalation per timeout trigger. Only due rows are read, through partial indexes.
 */
@Injectable()
export class EscalationSweep implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly runner = new JobRunner({ name: 'EscalationSweep', run: () => this.sweep() });

  constructor(
    private readonly escalation: EscalationService,
    @Inject(CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    // Tests (and `NODE_ENV=test` servers) sweep on demand with a moved clock; 0 turns the timer off.
    if (this.config.nodeEnv === 'test' || this.config.escalationSweepSeconds === 0) return;
    this.runner.start(this.config.escalationSweepSeconds);
  }

  onApplicationShutdown(): Promise<void> {
    return this.runner.stop();
  }

  async sweep(): Promise<SweepResult> {
    const escalated = await drainBatches(() => this.escalation.escalateDueBatch(BATCH_SIZE));
    const breached = await drainBatches(() => this.escalation.breachDueBatch(BATCH_SIZE));
    return { escalated, breached };
  }
}
