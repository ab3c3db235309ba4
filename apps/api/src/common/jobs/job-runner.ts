import { Logger } from '@nestjs/common';
import { backoffSeconds, errorText } from './retry';

export interface JobOptions {
  /** Names the job in logs. */
  name: string;
  /**
   * One pass of the job: claim what is due through the job's own repository (FOR UPDATE SKIP LOCKED, so
   * any number of API processes share the rows and none works one twice), work it, report the outcome.
   */
  run: () => Promise<unknown>;
  /** The longest wait between passes after failed ones (the wait doubles from the interval up to this). */
  maxBackoffSeconds?: number;
}

const DEFAULT_MAX_BACKOFF_SECONDS = 300;

/**
 * The one background runner: a pass every interval, never two at once in this process (other processes
 * are kept apart by the job's SKIP LOCKED claims). A pass that throws is logged and the next one waits
 * twice as long, up to a cap, until one succeeds. `wake` asks for a pass now; `runNow` runs one and
 * waits for it; `stop` ends the timer and waits for the pass in flight, so shutdown never closes the
 * database under it. Nothing runs by itself until `start` (servers under NODE_ENV=test run passes on demand).
 */
export class JobRunner {
  private readonly logger: Logger;
  /** Null while not started (or stopped). */
  private intervalMs: number | null = null;
  private timer: NodeJS.Timeout | null = null;
  private failures = 0;
  /** The pass in flight, settled without error (its error went to the log and to runNow's callers). */
  private inFlight: Promise<void> | null = null;
  /** The pass queued after the one in flight: callers meanwhile share it. */
  private queued: Promise<void> | null = null;
  private stopped = false;

  constructor(private readonly job: JobOptions) {
    this.logger = new Logger(job.name);
  }

  /** A pass every `seconds` from now on; the timer does not keep the process alive. */
  start(seconds: number): void {
    if (this.intervalMs !== null) return;
    this.stopped = false;
    this.intervalMs = seconds * 1000;
    this.schedule();
  }

  /** A pass soon, without waiting for it (work piled up): at once, unless failures have it backing off or it was stopped. */
  wake(): void {
    if (this.stopped || (this.failures > 0 && this.intervalMs !== null)) return;
    this.runNow().catch(() => undefined);
  }

  /**
   * A pass that starts after this call (after the one in flight, if any) and resolves when it is done;
   * rejects with its error. Runs whether or not the timer is started, also after `stop`.
   */
  runNow(): Promise<void> {
    if (this.queued) return this.queued;
    if (!this.inFlight) return this.begin();
    this.queued = this.inFlight.then(() => {
      this.queued = null;
      return this.begin();
    });
    return this.queued;
  }

  /** Ends the timer and waits for the pass in flight (and one queued behind it). */
  async stop(): Promise<void> {
    this.stopped = true;
    this.intervalMs = null;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    while (this.inFlight || this.queued) await (this.queued ?? this.inFlight)!.catch(() => undefined);
  }

  private begin(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const pass = this.job.run().then(() => undefined);
    this.inFlight = pass
      .then(
        () => { this.failures = 0; },
        (error: unknown) => {
          this.failures++;
          this.logger.error(`Background run failed (${this.failures} in a row): ${errorText(error)}`);
        },
      )
      .finally(() => {
        this.inFlight = null;
        this.schedule();
      });
    return pass;
  }

  /** The next timed pass: the interval, or after failures the interval doubled per failure, capped. */
  private schedule(): void {
    if (this.intervalMs === null || this.inFlight || this.queued) return;
    const intervalSeconds = this.intervalMs / 1000;
    const maxDelaySeconds = Math.max(intervalSeconds, this.job.maxBackoffSeconds ?? DEFAULT_MAX_BACKOFF_SECONDS);
    const delaySeconds = this.failures === 0 ? intervalSeconds : backoffSeconds({ baseSeconds: intervalSeconds * 2, maxDelaySeconds }, this.failures);
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      this.runNow().catch(() => undefined);
    }, delaySeconds * 1000);
    this.timer.unref();
  }
}

/**
 * Claims and works batches until a claim comes back empty. The claimed rows are the worker's (locked or
 * leased by the claim) until `work` reports their outcome.
 */
export async function workUntilNoneDue<T>(claim: () => Promise<T[]>, work: (batch: T[]) => Promise<void>): Promise<void> {
  for (;;) {
    const batch = await claim();
    if (batch.length === 0) return;
    await work(batch);
  }
}
