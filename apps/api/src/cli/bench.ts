import { benchEscalationSweep } from '../bench/escalation-sweep.bench';
import { parseArgs } from './args';
import { configOrExit, log, openDatabase, runCli } from './runtime';

/**
 * `npm run bench [-- --questions N]`: speed targets are measured here, on a scratch database
 * (`peerdesk_bench`, dropped and made afresh on the configured server), never in timed tests.
 */
runCli(async () => {
  const args = parseArgs(process.argv.slice(2), { values: ['questions'], flags: [] });
  const questions = Number(args.questions ?? 100_000);
  if (!Number.isInteger(questions) || questions < 1) throw new Error('--questions must be a whole number above 0');
  // Background timers stay off (as under test), so the benchmark times exactly the work it starts.
  const config = { ...configOrExit(), nodeEnv: 'test' as const };
  const database = await openDatabase(config, { scratchDatabase: 'peerdesk_bench' });
  try {
    log(`Escalation sweep benchmark: ${questions.toLocaleString('en')} due questions`);
    const figures = await benchEscalationSweep(database.dataSource, config, questions);
    for (const [name, value] of Object.entries(figures)) log(`${name.padEnd(32)} ${value}`);
  } finally {
    await database.close();
  }
});
