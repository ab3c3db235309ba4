import { DEMO_KINDS, type DemoKind, seedDemoCommunity, questionCount, DEMO_ADMIN_EMAIL, DEMO_PASSWORD } from '../seed/demo-seeder';
import { parseArgs } from './args';
import { configOrExit, log, openDatabase, runCli } from './runtime';

runCli(async () => {
  const args = parseArgs(process.argv.slice(2), { values: [], flags: [], optional: ['demo'] });
  const demo = args.demo === true ? 'brightwave' : args.demo;
  if (!DEMO_KINDS.includes(demo as DemoKind)) {
    throw new Error(`Say which demo to seed: npm run seed -- --demo (${DEMO_KINDS.map((kind) => `--demo=${kind}`).join(' or ')})`);
  }
  const config = configOrExit();
  const database = await openDatabase(config);
  try {
    const existing = await questionCount(database.dataSource);
    if (existing > 0) {
      log(`The database already has ${existing} questions; the demo is only seeded into an empty community.`);
      return;
    }
    log(`Seeding the ${demo} demo…`);
    await seedDemoCommunity(database.dataSource, config, { demo: demo as DemoKind, log });
    log(`Done. Sign in as ${DEMO_ADMIN_EMAIL}${demo === 'brightwave' ? ' (or any demo account in the README)' : ''} with password "${DEMO_PASSWORD}".`);
  } finally {
    await database.close();
  }
});
