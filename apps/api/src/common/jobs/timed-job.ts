import type { OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { AppConfig } from '../../config/config';
import { JobRunner } from './job-runner';

/**
 * A background job on a timer: a pass (`runOnce`) every `intervalSeconds()` from when the application has
 * bootstrapped, stopped on shutdown after the pass in flight. Only where the configuration runs background
 * timers (not under NODE_ENV=test, nor in the demo replay, which run passes on demand), and not while the
 * interval is 0 (the job turned off by its configuration). `startTimer` and `stopTimer` take the timer in hand
 * (a test showing the job catching up by itself).
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
    if (this.config.backgroundTimers && seconds > 0) this.startTimer(seconds);
  }

  /** A pass every `seconds` from now on, whatever the configuration says (the timer does not keep the process alive). */
  startTimer(seconds: number): void {
    this.runner.start(seconds);
  }

  /** Ends the timer and waits for the pass in flight; passes asked for afterwards (`runOnce`) still run. */
  stopTimer(): Promise<void> {
    return this.runner.stop();
  }

  onApplicationShutdown(): Promise<void> {
    return this.stopTimer();
  }
}
