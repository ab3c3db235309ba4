import { NestFactory } from '@nestjs/core';
import type { DataSource } from 'typeorm';
import { AnswersService } from '../answers/answers.service';
import { hashPassword } from '../auth/passwords';
import { CategoriesService } from '../categories/categories.service';
import { ManualClock } from '../common/clock';
import type { Viewer } from '../common/viewer';
import type { AppConfig } from '../config/config';
import { AppModule } from '../app.module';
import { QuestionsService } from '../questions/questions.service';
import { UsersService } from '../users/users.service';
import { VotesService } from '../votes/votes.service';
import { DEMO_COMMUNITY, DemoCommunity } from './demo-content';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { importStackExchange } from '../importer/stackexchange-importer';
import { createSearchEngine } from '../search/search-engine.factory';
import { xmlRows } from '../importer/xml-rows';

import { DEMO_PASSWORD } from './demo-accounts';

export { DEMO_PASSWORD };
export const DEMO_ADMIN_EMAIL = 'admin@example.com';

type Step = { at: Date; run: () => Promise<void> };

const HOUR_MS = 3600 * 1000;

/**
 * Replays the demo community through the same services the API uses, each step at the time it
 * happened, so statuses, counters, acceptance history and authorKind come out exactly as in real use.
 */
export async function seedDemo(dataSource: DataSource, config: AppConfig, community: DemoCommunity = DEMO_COMMUNITY, now = new Date()): Promise<void> {
  const clock = new ManualClock(new Date(now.getTime() - 1000 * HOUR_MS));
  const app = await NestFactory.createApplicationContext(AppModule.with({ config, dataSource, clock }), { logger: ['error'] });
  try {
    const users = app.get(UsersService);
    const categories = app.get(CategoriesService);
    const questions = app.get(QuestionsService);
    const answers = app.get(AnswersService);
    const votes = app.get(VotesService);
    const passwordHash = await hashPassword(DEMO_PASSWORD);

    const viewers = new Map<string, Viewer>();
    const people = [
      ...community.users,
      { key: 'admin', displayName: 'Site Admin', email: DEMO_ADMIN_EMAIL, role: 'ADMIN', affiliation: 'EMPLOYEE' } as const,
    ];
    for (const person of people) {
      const user = await dataSource.transaction((em) =>
        users.create(em, { email: person.email, displayName: person.displayName, passwordHash, role: person.role, affiliation: person.affiliation }),
      );
      viewers.set(person.key, { id: user.id, role: user.role, affiliation: user.affiliation, displayName: user.displayName, sessionTokenHash: '' });
    }
    const viewer = (key: string): Viewer => {
      const found = viewers.get(key);
      if (!found) throw new Error(`Demo content names an unknown user "${key}"`);
      return found;
    };

    const categoryIds = new Map<string, string>();
    for (const { key, ...input } of community.categories) categoryIds.set(key, (await categories.create(input)).id);

    const steps: Step[] = [];
    for (const question of community.questions) {
      const askedAt = new Date(now.getTime() - question.hoursAgo * HOUR_MS);
      let questionId = '';
      steps.push({
        at: askedAt,
        run: async () => {
          const categoryId = categoryIds.get(question.category);
          if (!categoryId) throw new Error(`Demo content names an unknown category "${question.category}"`);
          const { title, body, tags } = question;
          questionId = (await questions.ask(viewer(question.askedBy), { categoryId, title, body, tags })).id;
          for (const voter of question.upvotesFrom ?? []) {
            await votes.vote(viewer(voter), { targetType: 'QUESTION', targetId: questionId, value: 1 });
          }
        },
      });
      for (const answer of question.answers) {
        const answeredAt = new Date(askedAt.getTime() + answer.hoursAfterQuestion * HOUR_MS);
        let answerId = '';
        steps.push({
          at: answeredAt,
          run: async () => {
            answerId = (await answers.post(viewer(answer.by), { questionId, body: answer.body })).id;
            for (const voter of answer.upvotesFrom ?? []) {
              await votes.vote(viewer(voter), { targetType: 'ANSWER', targetId: answerId, value: 1 });
            }
          },
        });
        // The asker accepts a little after the answer arrives, as people do.
        if (answer.accepted) {
          steps.push({ at: new Date(answeredAt.getTime() + 2 * HOUR_MS), run: async () => void (await answers.accept(viewer(question.askedBy), answerId)) });
        }
      }
    }
    for (const step of steps.sort(byTime)) {
      clock.set(step.at);
      await step.run();
    }
  } finally {
    await app.close();
  }
}

function byTime(a: Step, b: Step): number {
  return a.at.getTime() - b.at.getTime();
}

export async function questionCount(dataSource: DataSource): Promise<number> {
  const [{ count }] = await dataSource.query('SELECT count(*)::int AS count FROM questions');
  return count;
}

function defaultLog(message: string): void {
  process.stdout.write(`[peerdesk] ${message}\n`);
}

/** The repository root: the nearest folder up from the working directory whose package.json is Peerdesk's. */
function repoRoot(): string {
  let dir = process.cwd();
  for (;;) {
    const manifest = path.join(dir, 'package.json');
    if (existsSync(manifest) && JSON.parse(readFileSync(manifest, 'utf8')).name === 'peerdesk') return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return process.cwd();
    dir = parent;
  }
}

/** The Stack Exchange data dump samples kept in the repository (licence and attribution in their README). */
export function stackExchangeSamplesDir(): string {
  return path.join(repoRoot(), 'data', 'samples', 'stackexchange');
}

/** Where the demo's real questions and answers come from: French Language Meta, from the repository's samples. */
export function defaultDemoDump(): string {
  return path.join(stackExchangeSamplesDir(), 'french-meta');
}

/** The Stack Exchange user ids of the dump's most active answerers, most answers first. */
export async function topAnswerers(dumpDir: string, count: number): Promise<string[]> {
  const answers = new Map<string, number>();
  for await (const { attributes } of xmlRows(path.join(dumpDir, 'Posts.xml'))) {
    const owner = attributes.OwnerUserId;
    if (attributes.PostTypeId === '2' && owner && owner !== '-1') answers.set(owner, (answers.get(owner) ?? 0) + 1);
  }
  return [...answers].sort((a, b) => b[1] - a[1] || Number(a[0]) - Number(b[0])).slice(0, count).map(([id]) => id);
}

/**
 * The demo community: French Language Meta's real questions and answers (imported into "Community",
 * its three most active answerers playing the company's staff) and the demo admin. Without the dump,
 * the hand-written demo instead, said so in the log.
 */
export async function seedDemoCommunity(
  dataSource: DataSource,
  config: AppConfig,
  { dumpDir = defaultDemoDump(), log = defaultLog }: { dumpDir?: string; log?: (message: string) => void } = {},
): Promise<'stackexchange' | 'hand-written'> {
  if (!existsSync(path.join(dumpDir, 'Posts.xml'))) {
    log(`No Stack Exchange sample at ${dumpDir}: seeding the hand-written demo community instead.`);
    await seedDemo(dataSource, config);
    return 'hand-written';
  }
  const employees = await topAnswerers(dumpDir, 3);
  const report = await importStackExchange(dataSource, {
    dir: dumpDir, category: 'community', categoryName: 'Community', employees, searchIndex: createSearchEngine(config, dataSource),
  });
  log(`Imported ${report.imported.questions} questions, ${report.imported.answers} answers and ${report.imported.comments} comments from ${report.source} (CC BY-SA) in ${report.seconds.toFixed(1)} s.`);
  await dataSource.query(
    `INSERT INTO users (email, display_name, password_hash, role, affiliation) VALUES ($1, 'Site Admin', $2, 'ADMIN', 'EMPLOYEE')
     ON CONFLICT DO NOTHING`,
    [DEMO_ADMIN_EMAIL, await hashPassword(DEMO_PASSWORD)],
  );
  return 'stackexchange';
}

/**
 * `npm start` seeds the demo into an empty database when SEED_DEMO=true, or by default (auto) when it
 * runs its own embedded PostgreSQL: a newcomer sees a lived-in community, a real deployment never gets one.
 */
export async function seedDemoIfWanted(database: { dataSource: DataSource; embedded: boolean }, config: AppConfig): Promise<void> {
  const wanted = config.seedDemo === 'auto' ? database.embedded : config.seedDemo;
  if (!wanted || (await questionCount(database.dataSource)) > 0) return;
  process.stdout.write('[peerdesk] Seeding the demo community…\n');
  const kind = await seedDemoCommunity(database.dataSource, config);
  process.stdout.write(`[peerdesk] Demo seeded. Sign in as ${DEMO_ADMIN_EMAIL}${kind === 'hand-written' ? ' (or any demo user)' : ''} with password "${DEMO_PASSWORD}"\n`);
}
