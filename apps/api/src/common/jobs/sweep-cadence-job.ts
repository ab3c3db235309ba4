import type { OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { AppConfig } from '../../config/config';
import { JobRunner } from './job-runner';

/**
 * A batch job on the escalation sweep's cadence (ESCALATION_SWEEP_SECONDS): its passes start once the application
 * has bootstrapped and stop on shutdown, after the pass in flight. Never under NODE_ENV=test, where tests and the
 * bench run passes on demand (`runOnce`), nor when the interval is 0 or the job is turned off (`enabled`).
 */
export abstract class SweepCadenceJob implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly runner: JobRunner;

  protected constructor(name: string, protected readonly config: AppConfig) {
    this.runner = new JobRunner({ name, run: () => this.runOnce() });
  }

  /** One pass: claims and works batches (`drainBatches`) until none is due. */
  abstract runOnce(): Promise<unknown>;

  /** Whether the job runs at all in this configuration, beyond the cadence. */
  protected enabled(): boolean {
    return true;
  }

  onApplicationBootstrap(): void {
    if (this.config.nodeEnv === 'test' || this.config.escalationSweepSeconds === 0 || !this.enabled()) return;
    this.runner.start(this.config.escalationSweepSeconds);
  }

  onApplicationShutdown(): Promise<void> {
    return this.runner.stop();
  }
}
