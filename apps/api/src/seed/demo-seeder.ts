import { NestFactory } from '@nestjs/core';
import type { DataSource } from 'typeorm';
import { AnswersService } from '../answers/answers.service';
import { hashPassword, Passwords } from '../auth/passwords';
import { CategoriesService } from '../categories/categories.service';
import { ManualClock } from '../common/clock';
import { LoaderRegistry } from '../common/loaders';
import type { Viewer } from '../common/viewer';
import { CommentsService } from '../comments/comments.service';
import type { AppConfig } from '../config/config';
import { AppModule } from '../app.module';
import { DuplicatesService } from '../duplicates/duplicates.service';
import { EscalationService } from '../escalation/escalation.service';
import { EscalationSweep } from '../escalation/escalation.sweep';
import { NotificationsService } from '../notifications/notifications.service';
import { QuestionsRepository } from '../questions/questions.repository';
import { QuestionsService } from '../questions/questions.service';
import { ViewRecorder } from '../questions/view-recorder';
import { SearchService } from '../search/search.service';
import { UsersRepository } from '../users/users.repository';
import { UsersService } from '../users/users.service';
import { VotesService } from '../votes/votes.service';
import { DEMO_COMMUNITY, type DemoAction, type DemoCommunity } from './demo-content';
import { DEMO_SEED, generateYear } from './demo-history';
import path from 'node:path';
import { repoRoot } from '../common/repo-root';
import { importStackExchange } from '../importer/stackexchange-importer';
import { createSearchEngine } from '../search/search-engine.factory';
import { xmlRows } from '../importer/xml-rows';

import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './demo-accounts';

export { DEMO_PASSWORD };
export const DEMO_ADMIN_EMAIL = 'admin@example.com';

/** `order` breaks ties: a sweep due at the same instant as a step runs first, as it would have by then. */
type Step = { at: Date; order: number; run: () => Promise<void> };

const HOUR_MS = 3600 * 1000;
/** Notifications older than this were read by their owners; the newer ones wait, unread, for the demo. */
const UNREAD_HOURS = 72;

export interface DemoOptions {
  /** The same seed gives the same generated year. */
  seed?: number;
  /** The end of the replayed history. */
  now?: Date;
}

/**
 * Brightwave, a fictional broadband, TV and mobile provider: a year of generated questions
 * (demo-history.ts) and the hand-written last weeks (demo-content.ts), replayed through the services the
 * API uses, each step on a ManualClock at the time it happened, so statuses, counters, acceptance history,
 * authorKind, escalations and the report rollups come out as in real use. The escalation sweep runs at
 * every question's peer and unsolved deadlines and at the end, so questions reach staff by timeout. The
 * sign-in accounts are DEMO_ACCOUNTS. Returns how many questions it asked.
 */
export async function seedDemo(
  dataSource: DataSource,
  config: AppConfig,
  { seed = DEMO_SEED, now = new Date() }: DemoOptions = {},
  community: DemoCommunity = DEMO_COMMUNITY,
): Promise<{ questions: number }> {
  const all = [...generateYear(seed, now, community.categories), ...community.questions];
  const earliest = Math.max(...all.map((question) => question.hoursAgo));
  const clock = new ManualClock(new Date(now.getTime() - (earliest + 24) * HOUR_MS));
  // The demo replays history that already happened: its members' first posts are not held for review. The replay
  // is the only writer while it runs, with no background timers: it runs the sweep at each deadline itself, and a
  // timed pass beside it could claim due questions first, or hold a question's row at the moment of a sweep (which
  // skips locked rows), and the replay's staff would find the question not escalated. What timers would have done
  // is done explicitly: buffered views are written before each sweep; the API's search outbox pass, once it starts,
  // indexes what the replay wrote.
  const replayConfig = { ...config, newMemberReviewPosts: 0, spamChecks: false, backgroundTimers: false };
  const app = await NestFactory.createApplicationContext(AppModule.with({ config: replayConfig, dataSource, clock }), { logger: ['error'] });
  try {
    const users = app.get(UsersService);
    const categories = app.get(CategoriesService);
    const questions = app.get(QuestionsService);
    const answers = app.get(AnswersService);
    const votes = app.get(VotesService);
    const comments = app.get(CommentsService);
    const escalations = app.get(EscalationService);
    const duplicates = app.get(DuplicatesService);
    const notifications = app.get(NotificationsService);
    const search = app.get(SearchService);
    const sweep = app.get(EscalationSweep);
    const passwordHash = await app.get(Passwords).hash(DEMO_PASSWORD);

    const viewers = new Map<string, Viewer>();
    for (const person of [...DEMO_ACCOUNTS, ...community.users]) {
      const user = await dataSource.transaction((em) =>
        // A year of history: members start at MEMBER (superusers REGULAR, the volunteer moderator LEADER), not as newcomers.
        users.create(em, {
          email: person.email, displayName: person.displayName, passwordHash, role: person.role, affiliation: person.affiliation, trustLevel: person.trustLevel ?? 'MEMBER',
        }),
      );
      viewers.set(person.key, {
        id: user.id, role: user.role, affiliation: user.affiliation, displayName: user.displayName, trustLevel: user.trustLevel, sessionTokenHash: '',
        suspendedUntil: null, suspensionReason: null, silencedUntil: null, silenceReason: null,
      });
    }
    const employees = new Set([...DEMO_ACCOUNTS, ...community.users].filter((person) => person.affiliation === 'EMPLOYEE').map((person) => person.key));
    const viewer = (key: string): Viewer => {
      const found = viewers.get(key);
      if (!found) throw new Error(`Demo content names an unknown user "${key}"`);
      return found;
    };

    const categoryIds = new Map<string, string>();
    for (const { key, ...input } of community.categories) categoryIds.set(key, (await categories.create(null, input)).id);
    const categoryOf = new Map(community.categories.map((category) => [category.key, category]));

    const steps: Step[] = [];
    const at = (hoursAgo: number): Date => new Date(now.getTime() - hoursAgo * HOUR_MS);
    const viewRecorder = app.get(ViewRecorder);
    const runSweep = async (): Promise<void> => {
      await viewRecorder.flush();
      await sweep.runOnce();
    };
    const questionIds = new Map<string, string>();
    for (const question of all) {
      const askedAt = at(question.hoursAgo);
      const after = (hours: number): Date => new Date(askedAt.getTime() + hours * HOUR_MS);
      const category = categoryOf.get(question.category);
      if (!category) throw new Error(`Demo content names an unknown category "${question.category}"`);
      let questionId = '';
      steps.push({
        at: askedAt,
        order: 1,
        run: async () => {
          const { title, body, tags } = question;
          questionId = (await questions.ask(viewer(question.askedBy), { categoryId: categoryIds.get(question.category)!, title, body, tags })).id;
          if (question.ref) questionIds.set(question.ref, questionId);
        },
      });
      // The sweep runs at each of the question's deadlines unless the content has settled it by then (a
      // peer answered, the asker accepted, a moderator closed it): such a sweep would find nothing of it
      // due, and each costs two transactions. Deadlines still ahead of "now" have not come yet.
      const by = (hours: number) => (deadline: Date): boolean => after(hours) <= deadline;
      const accepted = (deadline: Date): boolean =>
        question.answers.some((answer) => answer.accepted && by(answer.hoursAfterQuestion + (answer.acceptedAfterHours ?? 2))(deadline));
      const duplicate = (deadline: Date): boolean =>
        (question.actions ?? []).some((action) => action.kind === 'markDuplicate' && by(action.hoursAfterQuestion)(deadline));
      const peerAnswered = (deadline: Date): boolean =>
        question.answers.some((answer) => answer.by !== question.askedBy && !employees.has(answer.by) && by(answer.hoursAfterQuestion)(deadline));
      for (const [deadline, settled] of [
        [after(category.peerWindowHours), (at: Date) => peerAnswered(at) || accepted(at) || duplicate(at)],
        [after(category.unsolvedWindowHours), (at: Date) => accepted(at) || duplicate(at)],
      ] as const) {
        if (deadline < now && !settled(deadline)) steps.push({ at: deadline, order: 0, run: runSweep });
      }
      if (question.upvotesFrom?.length) {
        steps.push({
          at: after(3),
          order: 1,
          run: async () => {
            for (const voter of question.upvotesFrom!) await votes.vote(viewer(voter), { targetType: 'QUESTION', targetId: questionId, value: 1 });
          },
        });
      }
      for (let view = 0; view < (question.views ?? 0); view++) {
        // Most reads come in the first days, then they tail off (a recent question's all came since it was asked).
        const hours = Math.min(0.5 + 3 * view * view, (question.hoursAgo * (view + 1)) / (question.views! + 1));
        // Each read by a different reader (an address from the documentation range), so each one counts.
        steps.push({ at: after(hours), order: 1, run: async () => void (await questions.view(questionId, null, `198.51.100.${(view % 254) + 1}`)) });
      }
      const answerIds: string[] = [];
      question.answers.forEach((answer, index) => {
        const answeredAt = after(answer.hoursAfterQuestion);
        steps.push({
          at: answeredAt,
          order: 1,
          run: async () => {
            answerIds[index] = (await answers.post(viewer(answer.by), { questionId, body: answer.body })).id;
          },
        });
        if (answer.upvotesFrom?.length) {
          steps.push({
            at: new Date(answeredAt.getTime() + HOUR_MS),
            order: 1,
            run: async () => {
              for (const voter of answer.upvotesFrom!) await votes.vote(viewer(voter), { targetType: 'ANSWER', targetId: answerIds[index], value: 1 });
            },
          });
        }
        if (answer.accepted) {
          steps.push({
            at: new Date(answeredAt.getTime() + (answer.acceptedAfterHours ?? 2) * HOUR_MS),
            order: 1,
            run: async () => void (await answers.accept(viewer(question.askedBy), answerIds[index])),
          });
        }
      });
      const act = async (action: DemoAction): Promise<void> => {
        const by = viewer(action.by);
        switch (action.kind) {
          case 'comment': {
            const onAnswer = action.onAnswer === undefined ? null : answerIds[action.onAnswer];
            await comments.post(by, { targetType: onAnswer ? 'ANSWER' : 'QUESTION', targetId: onAnswer ?? questionId, body: action.body });
            return;
          }
          case 'claim':
            return void (await escalations.assign(by, questionId, by.id));
          case 'needsInfo':
            return void (await escalations.markNeedsInfo(by, questionId, action.note));
          case 'returnToCommunity':
            return void (await escalations.returnToCommunity(by, questionId, action.reason));
          case 'markDuplicate': {
            const originalId = questionIds.get(action.originalRef);
            if (!originalId) throw new Error(`Demo content marks a duplicate of "${action.originalRef}", which was not asked before it`);
            return void (await duplicates.markDuplicate(by, questionId, originalId));
          }
        }
      };
      for (const action of question.actions ?? []) {
        steps.push({ at: after(action.hoursAfterQuestion), order: 1, run: () => act(action) });
      }
    }
    const loaders = app.get(LoaderRegistry).forRequest(null);
    for (const { query, hoursAgo } of community.searches) {
      for (const ago of hoursAgo) {
        steps.push({ at: at(ago), order: 1, run: async () => void (await search.search({ query, sort: 'RELEVANCE', first: 20 }, { loaders, repeatOnHit: [] })) });
      }
    }
    steps.push({
      at: at(UNREAD_HOURS),
      order: 1,
      run: async () => {
        for (const person of viewers.values()) await notifications.markRead(person, null);
      },
    });
    steps.push({ at: now, order: 0, run: runSweep });

    steps.sort((a, b) => a.at.getTime() - b.at.getTime() || a.order - b.order);
    const late = steps.find((step) => step.at > now);
    if (late) throw new Error(`Demo content has a step at ${late.at.toISOString()}, after the end of its history (${now.toISOString()})`);
    for (const step of steps) {
      clock.set(step.at);
      await step.run();
    }
    return { questions: all.length };
  } finally {
    await app.close();
  }
}

export async function questionCount(dataSource: DataSource): Promise<number> {
  return new QuestionsRepository(dataSource).countAll();
}

function defaultLog(message: string): void {
  process.stdout.write(`[peerdesk] ${message}\n`);
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

export type DemoKind = 'brightwave' | 'stackexchange';
export const DEMO_KINDS: readonly DemoKind[] = ['brightwave', 'stackexchange'];

/**
 * Seeds a demo into an empty database. `brightwave` (the default) shows what Peerdesk is for: a customer
 * support community with every role at work. `stackexchange` imports French Language Meta's real
 * questions and answers from the repository's samples into "Community", its three most active answerers
 * playing staff, plus the demo admin.
 */
export async function seedDemoCommunity(
  dataSource: DataSource,
  config: AppConfig,
  { demo = 'brightwave', dumpDir = defaultDemoDump(), log = defaultLog }: { demo?: DemoKind; dumpDir?: string; log?: (message: string) => void } = {},
): Promise<void> {
  const started = performance.now();
  if (demo === 'brightwave') {
    const { questions } = await seedDemo(dataSource, config);
    log(`Seeded Brightwave, a year of a customer support community (${questions} questions), in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
    return;
  }
  const employees = await topAnswerers(dumpDir, 3);
  const report = await importStackExchange(dataSource, {
    dir: dumpDir, category: 'community', categoryName: 'Community', employees, searchIndex: createSearchEngine(config, dataSource),
  });
  log(`Imported ${report.imported.questions} questions, ${report.imported.answers} answers and ${report.imported.comments} comments from ${report.source} (CC BY-SA) in ${report.seconds.toFixed(1)} s.`);
  await new UsersRepository(dataSource).insertUnlessEmailTaken(dataSource.manager, {
    email: DEMO_ADMIN_EMAIL, displayName: 'Site Admin', passwordHash: await hashPassword(DEMO_PASSWORD, config.passwordHashCost), role: 'ADMIN', affiliation: 'EMPLOYEE', createdAt: new Date(), trustLevel: 'MEMBER',
  });
}

/**
 * `npm start` seeds the Brightwave demo into an empty database when SEED_DEMO=true, or by default (auto)
 * when it runs its own embedded PostgreSQL: a newcomer sees a lived-in community, a real deployment never gets one.
 */
export async function seedDemoIfWanted(database: { dataSource: DataSource; embedded: boolean }, config: AppConfig): Promise<void> {
  const wanted = config.seedDemo === 'auto' ? database.embedded : config.seedDemo;
  if (!wanted || (await questionCount(database.dataSource)) > 0) return;
  defaultLog('Seeding the demo community…');
  // npm start prints the accounts to sign in with once it serves.
  await seedDemoCommunity(database.dataSource, config);
}
