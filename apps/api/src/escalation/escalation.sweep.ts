import { Inject, Injectable } from '@nestjs/common';
import { drainBatches } from '../common/jobs/batches';
import { SweepCadenceJob } from '../common/jobs/sweep-cadence-job';
import type { AppConfig } from '../config/config';
import { CONFIG } from '../config/config.provider';
import { EscalationService } from './escalation.service';

export interface SweepResult {
  escalated: string[];
  breached: string[];
}

/**
 * Questions per batch: each batch is a fixed number of statements (about a dozen), so past a few hundred the
 * per-question cost is the rows themselves, while the transaction holds its claimed rows longer as it grows. A batch
 * of 2,000 (12,000 notifications with a team of five) took 1.5–2 s on the shared two-core machine
 * (`npm run bench -- --only escalation-sweep`); 1,000 keeps one near a second.
 */
const BATCH_SIZE = 1000;
/** Batches in flight at once, each its own transaction: the database works a backlog on two cores. */
const WORKERS = 2;

/**
 * Escalates questions whose community deadline has passed and records breaches of staff deadlines.
 * Safe with any number of API instances: each batch claims its rows with FOR UPDATE SKIP LOCKED in a
 * short transaction, a claimed row is re-checked under its lock, and a unique index allows one
 * escalation per timeout trigger. Only due rows are read, through partial indexes.
 */
@Injectable()
export class EscalationSweep extends SweepCadenceJob {
  constructor(
    private readonly escalation: EscalationService,
    @Inject(CONFIG) config: AppConfig,
  ) {
    // Tests (and `NODE_ENV=test` servers) sweep on demand with a moved clock; ESCALATION_SWEEP_SECONDS=0 turns the timer off.
    super('EscalationSweep', config);
  }

  async runOnce(): Promise<SweepResult> {
    const escalated = await drainBatches(() => this.escalation.escalateDueBatch(BATCH_SIZE), WORKERS);
    const breached = await drainBatches(() => this.escalation.breachDueBatch(BATCH_SIZE), WORKERS);
    return { escalated, breached };
  }
}
