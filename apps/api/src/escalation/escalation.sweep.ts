import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { CLOCK, type Clock } from '../common/clock';
import { JobRunner } from '../common/jobs/job-runner';
import type { AppConfig } from '../config/config';
import { CONFIG } from '../config/config.provider';
import { Transactions } from '../database/transactions';
import { QuestionEntity } from '../questions/question.entity';
import { EscalationEntity } from './escalation.entity';
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
  private readonly logger = new Logger('EscalationSweep');
  private readonly runner = new JobRunner({ name: 'EscalationSweep', run: () => this.sweep() });

  constructor(
    private readonly transactions: Transactions,
    private readonly escalation: EscalationService,
    @Inject(CLOCK) private readonly clock: Clock,
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
    return { escalated: await this.inBatches(() => this.escalateDueBatch()), breached: await this.inBatches(() => this.breachDueBatch()) };
  }

  /** Runs batches until one claims nothing; returns what they did. */
  private async inBatches(batch: () => Promise<{ claimed: number; done: string[] }>): Promise<string[]> {
    const done: string[] = [];
    for (;;) {
      const result = await batch();
      if (result.claimed === 0) return done;
      done.push(...result.done);
    }
  }

  private escalateDueBatch(): Promise<{ claimed: number; done: string[] }> {
    return this.transactions.run(async (em) => {
      const now = this.clock.now();
      const due = await em
        .createQueryBuilder(QuestionEntity, 'q')
        .setLock('pessimistic_write')
        .setOnLocked('skip_locked')
        .where('q.community_due_at <= :now AND q.deleted_at IS NULL', { now })
        .orderBy('q.community_due_at')
        .limit(BATCH_SIZE)
        .getMany();
      const escalated = await this.escalation.escalateMany(
        em, due.map((question) => ({ question, reason: question.communityDueTrigger!, actorId: null, note: null })), now);
      if (escalated.length < due.length) this.logger.warn(`${due.length - escalated.length} due questions could not be escalated; their clocks stopped`);
      return { claimed: due.length, done: escalated.map((e) => e.questionId) };
    });
  }

  private breachDueBatch(): Promise<{ claimed: number; done: string[] }> {
    return this.transactions.run(async (em) => {
      const now = this.clock.now();
      const due = await em
        .createQueryBuilder(EscalationEntity, 'e')
        .setLock('pessimistic_write')
        .setOnLocked('skip_locked')
        .where('e.closed_at IS NULL AND e.breached_at IS NULL AND e.first_staff_response_at IS NULL AND e.staff_due_at <= :now', { now })
        .orderBy('e.staff_due_at')
        .limit(BATCH_SIZE)
        .getMany();
      for (const escalation of due) await this.escalation.recordBreach(em, escalation, now);
      return { claimed: due.length, done: due.map((e) => e.questionId) };
    });
  }
}
