import { Inject, Injectable } from '@nestjs/common';
import { drainBatches } from '../common/jobs/batches';
import { SweepCadenceJob } from '../common/jobs/sweep-cadence-job';
import type { AppConfig } from '../config/config';
import { CONFIG } from '../config/config.provider';
import { AcceptRemindersService } from './accept-reminders.service';

const BATCH_SIZE = 100;

/** Sends due reminders to accept, batch after batch, on the escalation sweep's cadence; safe in every API instance. */
@Injectable()
export class AcceptRemindersJob extends SweepCadenceJob {
  constructor(
    private readonly reminders: AcceptRemindersService,
    @Inject(CONFIG) config: AppConfig,
  ) {
    super('AcceptReminders', config);
  }

  /** ACCEPT_REMINDER_HOURS=0 turns reminders off. */
  protected override enabled(): boolean {
    return this.config.acceptReminderHours !== 0;
  }

  /** Sends every due reminder; returns the questions reminded. */
  runOnce(): Promise<string[]> {
    return drainBatches(() => this.reminders.sendDueBatch(BATCH_SIZE));
  }
}
