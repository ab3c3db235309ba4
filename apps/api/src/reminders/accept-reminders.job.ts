import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { drainBatches } from '../common/jobs/batches';
import { JobRunner } from '../common/jobs/job-runner';
import type { AppConfig } from '../config/config';
import { CONFIG } from '../config/config.provider';
import { AcceptRemindersService } from './accept-reminders.service';

const BATCH_SIZE = 100;

/** Sends due reminders to accept, batch after batch, on the escalation sweep's cadence; safe in every API instance. */
@Injectable()
export class AcceptRemindersJob implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly runner = new JobRunner({ name: 'AcceptReminders', run: () => this.runOnce() });

  constructor(
    private readonly reminders: AcceptRemindersService,
    @Inject(CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.nodeEnv === 'test' || this.config.acceptReminderHours === 0 || this.config.escalationSweepSeconds === 0) return;
    this.runner.start(this.config.escalationSweepSeconds);
  }

  onApplicationShutdown(): Promise<void> {
    return this.runner.stop();
  }

  /** Sends every due reminder; returns the questions reminded. */
  runOnce(): Promise<string[]> {
    return drainBatches(() => this.reminders.sendDueBatch(BATCH_SIZE));
  }
}
