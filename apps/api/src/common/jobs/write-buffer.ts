import { Logger } from '@nestjs/common';
import { JobRunner } from './job-runner';
import { errorText } from './retry';

export interface WriteBufferOptions<T> {
  /** Names the buffer in logs. */
  name: string;
  /** What a row counts, for the log ("searches", "views"). */
  what: string;
  /** Folds `later` into `held`, the row already buffered under the same key (as the database would fold a later write in). */
  merge: (held: T, later: T) => void;
  /** Writes the rows in one statement (or one short transaction); a rejection keeps them for the next flush. */
  write: (rows: T[]) => Promise<void>;
  /** Distinct rows buffered that start a flush at once rather than at the next tick. */
  flushAtRows: number;
  /**
   * Rows held at most, buffered and being written together. Only reached while the database keeps failing
   * (failed rows are kept for the next flush); then rows under keys not held already are dropped and counted in the log.
   */
  maxHeldRows: number;
}

/**
 * Counts in memory, by key, what would otherwise be a write per request, and writes the rows in batches: on a
 * timer, when the buffer grows large, when a caller flushes (a reader that needs exact figures), and on
 * shutdown. Flushes in one process run one at a time (on the one JobRunner); a failed one keeps its rows for
 * the next. A process that dies without shutting down loses the rows of its last interval. Whatever must hold
 * across several API processes is decided by `write`'s SQL, never by this buffer.
 */
export class WriteBuffer<T> {
  private readonly logger: Logger;
  private readonly runner: JobRunner;
  private buffer = new Map<string, T>();
  /** Rows the write in progress took from the buffer: they count against maxHeldRows until written or put back. */
  private rowsBeingWritten = 0;
  private dropped = 0;

  constructor(private readonly options: WriteBufferOptions<T>) {
    this.logger = new Logger(options.name);
    this.runner = new JobRunner({ name: options.name, run: () => this.writeBuffer() });
  }

  /** Flushes every `seconds` (the timer does not keep the process alive). */
  start(seconds: number): void {
    this.runner.start(seconds);
  }

  /** Ends the timer, then writes what is left (after the HTTP server has stopped, nothing more is added). */
  async stop(): Promise<void> {
    await this.runner.stop();
    await this.flush();
  }

  /**
   * Buffers `row` under `key` (folded into a row held there); false when it was dropped because too many rows
   * are held. Synchronous: nothing is written here.
   */
  add(key: string, row: T): boolean {
    const held = this.buffer.get(key);
    if (held) {
      this.options.merge(held, row);
      return true;
    }
    if (this.buffer.size + this.rowsBeingWritten >= this.options.maxHeldRows) {
      this.dropped++;
      return false;
    }
    this.buffer.set(key, row);
    if (this.buffer.size === this.options.flushAtRows) this.runner.wake();
    return true;
  }

  /**
   * Writes every row added before the call (resolves once they are written, or kept after a failure, which
   * is logged: it never rejects). A flush in progress is waited for, then the rest goes out; callers
   * meanwhile share that next write, as it takes the buffer when it starts.
   */
  flush(): Promise<void> {
    return this.runner.runNow();
  }

  private async writeBuffer(): Promise<void> {
    if (this.dropped > 0) {
      this.logger.warn(`${this.dropped} ${this.options.what} went uncounted: ${this.options.maxHeldRows} rows were held unwritten`);
      this.dropped = 0;
    }
    if (this.buffer.size === 0) return;
    const batch = this.buffer;
    this.buffer = new Map();
    this.rowsBeingWritten = batch.size;
    try {
      await this.options.write([...batch.values()]);
    } catch (error) {
      this.logger.warn(`Could not write ${this.options.what} (${batch.size} rows, kept for the next flush): ${errorText(error)}`);
      // Rows added during the write are later ones: folded on top of the kept batch.
      for (const [key, row] of this.buffer) {
        const held = batch.get(key);
        if (held) this.options.merge(held, row);
        else batch.set(key, row);
      }
      this.buffer = batch;
    } finally {
      this.rowsBeingWritten = 0;
    }
  }
}
