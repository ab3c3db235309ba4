import { Inject, Injectable, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import type { AppConfig } from '../config/config';
import { CONFIG } from '../config/config.provider';
import { WriteBuffer } from '../common/jobs/write-buffer';
import type { Viewer } from '../common/viewer';
import { Transactions } from '../database/transactions';
import { RateLimitsService } from '../rate-limits/rate-limits.service';
import { QuestionsRepository } from './questions.repository';

/**
 * How often each API instance writes the views it has counted: a question page then costs no write, and a
 * popular thread's row takes one update per instance every 2 s instead of one per reader.
 */
export const VIEW_FLUSH_SECONDS = 2;

/** Distinct (session, question) rows buffered that start a flush at once rather than at the next tick. */
const FLUSH_AT_ROWS = 2_000;

/** Rows held at most while the database keeps failing (see WriteBuffer). */
const MAX_HELD_ROWS = 50_000;

interface BufferedView {
  questionId: string;
  viewerId: string | null;
  /** What the once-per-window rule counts by: the reader's session (or address, signed out) and the question. */
  session: string;
  /** The first view's time. */
  at: Date;
  /** Views folded into this row: more than one only with RATE_LIMITS=off, where every view counts. */
  views: number;
}

/**
 * Counts question views without a write per page view. A view is decided against this instance's limits in
 * memory (`RateLimitsService.fitsHere`: once per session and question in the `view.session` window, within the
 * per-address and per-account limits) and buffered; each flush then decides the once-per-window rule again
 * against the shared counters (`openWindows`, so two instances' batches count a session once) and writes the
 * views that fitted, in one short transaction: two statements, whatever the batch's size. questions.view_count
 * and question_views hold the flushed views: a question page shows that count plus this instance's unwritten
 * views of it (other instances' at most VIEW_FLUSH_SECONDS late), and readers that need exact figures (reports,
 * trust levels, tests) flush first.
 */
@Injectable()
export class ViewRecorder implements OnModuleInit, OnApplicationShutdown {
  private readonly buffer = new WriteBuffer<BufferedView>({
    name: ViewRecorder.name, what: 'question views', flushAtRows: FLUSH_AT_ROWS, maxHeldRows: MAX_HELD_ROWS,
    merge: (held, later) => { held.views += later.views; },
    write: (rows) => this.write(rows),
  });

  /** Views recorded here and not yet written, by question (see pendingViews). */
  private readonly pending = new Map<string, number>();

  constructor(
    private readonly questions: QuestionsRepository,
    private readonly rateLimits: RateLimitsService,
    private readonly transactions: Transactions,
    @Inject(CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    // Tests flush when they read: a timer would only make their timing matter.
    if (this.config.backgroundTimers) this.buffer.start(VIEW_FLUSH_SECONDS);
  }

  /** After the HTTP server has stopped (no page is still being read), the last views go out. */
  onApplicationShutdown(): Promise<void> {
    return this.buffer.stop();
  }

  /** A view of a live, visible question at `at`. Synchronous: nothing is written here. */
  record(questionId: string, viewer: Viewer | null, ip: string, at: Date): void {
    const session = `${viewer?.sessionTokenHash ?? ip}|${questionId}`;
    if (!this.rateLimits.fitsHere('view', { ip, accountId: viewer?.id ?? null, session })) return;
    if (this.buffer.add(session, { questionId, viewerId: viewer?.id ?? null, session, at, views: 1 })) {
      this.pending.set(questionId, (this.pending.get(questionId) ?? 0) + 1);
    }
  }

  /**
   * This instance's views of the question not written yet: a page adds them to the written count, so a reader
   * sees their own view at once (another instance's unwritten views show within its flush interval).
   */
  pendingViews(questionId: string): number {
    return this.pending.get(questionId) ?? 0;
  }

  /** Writes every view recorded before the call (resolves once written, or kept after a logged failure: it never rejects). */
  flush(): Promise<void> {
    return this.buffer.flush();
  }

  private async write(rows: BufferedView[]): Promise<void> {
    await this.transactions.run(async (em) => {
      const fitted = await this.rateLimits.openWindows(em, 'view', rows.map((r) => ({ session: r.session, at: r.at })));
      await this.questions.addViews(em, rows.filter((r) => fitted.has(r.session)));
    });
    // Written, or turned away by another instance's count of the same session: pending no longer, either way.
    for (const { questionId, views } of rows) {
      const left = (this.pending.get(questionId) ?? 0) - views;
      if (left > 0) this.pending.set(questionId, left);
      else this.pending.delete(questionId);
    }
  }
}
