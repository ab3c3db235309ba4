import { seedDemoCommunity, questionCount, DEMO_ADMIN_EMAIL, DEMO_PASSWORD } from '../seed/demo-seeder';
import { parseArgs } from './args';
import { configOrExit, log, openDatabase, runCli } from './runtime';

runCli(async () => {
  const args = parseArgs(process.argv.slice(2), { values: [], flags: ['demo'] });
  if (!args.demo) throw new Error('Say what to seed: npm run seed -- --demo');
  const config = configOrExit();
  const database = await openDatabase(config);
  try {
    const existing = await questionCount(database.dataSource);
    if (existing > 0) {
      log(`The database already has ${existing} questions; the demo is only seeded into an empty community.`);
      return;
    }
    log('Seeding the demo community…');
    const kind = await seedDemoCommunity(database.dataSource, config, { log });
    log(`Done. Sign in as ${DEMO_ADMIN_EMAIL}${kind === 'hand-written' ? ' (or any demo user)' : ''} with password "${DEMO_PASSWORD}".`);
  } finally {
    await database.close();
  }
});
