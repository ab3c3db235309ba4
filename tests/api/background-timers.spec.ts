import { NestFactory } from '@nestjs/core';
import { AppModule } from '../../apps/api/src/app.module';
import { AdjustableClock } from '../../apps/api/src/common/clock';
import { loadConfig } from '../../apps/api/src/config/config';
import { createDataSource } from '../../apps/api/src/database/data-source';
import type { StatementCounter } from '../../apps/api/src/database/statement-counter';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

// One switch (config.backgroundTimers) keeps every timer of the application off: the demo replay relies on it to be
// the only writer (a timed pass holding a question's row makes its sweep skip that question), and so do the tests.

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('background timers', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database?.drop();
  });

  /** Statements the application sends by itself within `ms` of starting, every job due each second. */
  async function statementsSentAlone(backgroundTimers: boolean, ms: number): Promise<string[]> {
    const config = {
      ...loadConfig({ NODE_ENV: 'test', ESCALATION_SWEEP_SECONDS: '1', OUTBOX_POLL_SECONDS: '1', TRUST_LEVEL_SWEEP_SECONDS: '1' }),
      backgroundTimers,
    };
    const dataSource = await createDataSource(database.url, 5, { countStatements: true }).initialize();
    const counter = dataSource.logger as StatementCounter;
    const app = await NestFactory.createApplicationContext(AppModule.with({ config, dataSource, clock: new AdjustableClock() }), { logger: ['error'] });
    try {
      const atStart = counter.statements.length;
      await sleep(ms);
      return counter.statements.slice(atStart).map((statement) => statement.text);
    } finally {
      await app.close();
      await dataSource.destroy();
    }
  }

  it('starts no timer when the configuration says so, and every job on its own when it does not', async () => {
    expect(await statementsSentAlone(false, 2500)).toEqual([]);
    const alone = await statementsSentAlone(true, 2500);
    // The search outbox, the e-mail outbox, the webhook deliverer and the sweep each claim due rows every second.
    for (const table of ['search_outbox', 'email_outbox', 'webhook_deliveries']) {
      expect(alone.some((text) => text.includes(table))).toBe(true);
    }
  });
});
