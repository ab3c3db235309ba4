import { TimedJob } from './timed-job';

/**
 * A batch job on the escalation sweep's cadence (ESCALATION_SWEEP_SECONDS; 0 turns it off), unless the job is
 * turned off (`enabled`).
 */
export abstract class SweepCadenceJob extends TimedJob {
  /** Whether the job runs at all in this configuration, beyond the cadence. */
  protected enabled(): boolean {
    return true;
  }

  protected intervalSeconds(): number {
    return this.enabled() ? this.config.escalationSweepSeconds : 0;
  }
}
