import { DEMO_KINDS, type DemoKind, seedDemoCommunity, questionCount, DEMO_ADMIN_EMAIL, DEMO_PASSWORD } from '../seed/demo-seeder';
import { seedScaleCommunity } from '../seed/scale/scale-seeder';
import { parseArgs } from './args';
import { configOrExit, log, openDatabase, runCli } from './runtime';

const USAGE = `Say what to seed: npm run seed -- --demo (${DEMO_KINDS.map((kind) => `--demo=${kind}`).join(' or ')}), `
  + 'or npm run seed -- --scale --questions N [--seed S] for a large generated community';

runCli(async () => {
  const args = parseArgs(process.argv.slice(2), { values: ['questions', 'seed'], flags: ['scale'], optional: ['demo'] });
  if (args.scale) return seedScale(args);
  if (args.questions !== undefined || args.seed !== undefined) throw new Error('--questions and --seed go with --scale');
  const demo = args.demo === true ? 'brightwave' : args.demo;
  if (!DEMO_KINDS.includes(demo as DemoKind)) throw new Error(USAGE);
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

/** `--scale --questions N [--seed S]`: a generated community of N questions, loaded with COPY (seed/scale/). */
async function seedScale(args: Record<string, string | true>): Promise<void> {
  if (args.demo !== undefined) throw new Error('Choose --demo or --scale, not both');
  const questions = wholeNumber(args.questions, '--questions');
  const seed = args.seed === undefined ? 1 : wholeNumber(args.seed, '--seed');
  const database = await openDatabase(configOrExit());
  try {
    log(`Seeding a generated community of ${questions.toLocaleString('en')} questions (seed ${seed})…`);
    const summary = await seedScaleCommunity(database.dataSource, { questions, seed, progress: true });
    log(`Done in ${summary.seconds.toFixed(1)} s: ${Object.entries(summary.rows).map(([table, n]) => `${table} ${n.toLocaleString('en')}`).join(', ')}`);
    log(`Sign in as ${summary.members[0].email} (member) or ${summary.staff.email} (staff) with password "${summary.password}".`);
    process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
  } finally {
    await database.close();
  }
}

function wholeNumber(value: string | true | undefined, name: string): number {
  const n = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(n) || n < 1) throw new Error(`${name} needs a whole number of at least 1 (for example ${name} 100000)`);
  return n;
}
