import type { OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { AppConfig } from '../../config/config';
import { JobRunner } from './job-runner';

/**
 * A background job on a timer: a pass (`runOnce`) every `intervalSeconds()` from when the application has
 * bootstrapped, stopped on shutdown after the pass in flight. Never under NODE_ENV=test, where tests and the
 * bench run passes on demand, nor while the interval is 0 (the job turned off by its configuration).
 */
export abstract class TimedJob implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly runner: JobRunner;

  protected constructor(name: string, protected readonly config: AppConfig) {
    this.runner = new JobRunner({ name, run: () => this.runOnce() });
  }

  /** One pass: works what is due, through claims that are safe with several API processes. */
  abstract runOnce(): Promise<unknown>;

  /** Seconds between passes in this configuration; 0 for none. */
  protected abstract intervalSeconds(): number;

  onApplicationBootstrap(): void {
    const seconds = this.intervalSeconds();
    if (this.config.nodeEnv === 'test' || seconds === 0) return;
    this.runner.start(seconds);
  }

  onApplicationShutdown(): Promise<void> {
    return this.runner.stop();
  }
}
