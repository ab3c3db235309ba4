import { addBusinessHours, DEFAULT_BUSINESS_CALENDAR, seededRandom } from '@peerdesk/domain';
import type { DemoAction, DemoAnswer, DemoCategory, DemoQuestion } from './demo-content';
import { COUNTRIES, DEMO_TOPICS, type DemoTopic, PLACES, SINCE } from './demo-topics';

/** The seed the demo is generated from unless told otherwise: the same seed gives the same community. */
export const DEMO_SEED = 20_250_601;

const HOUR_MS = 3600 * 1000;
const DAY_MS = 24 * HOUR_MS;

/** Superusers answer most questions; the volunteer moderator and the rest of the community the others. */
const ANSWERERS: ReadonlyArray<[string, number]> = [
  ['aoife', 24], ['ciaran', 22], ['gemma', 20], ['fergal', 8], ['declan', 5], ['tom', 5], ['eoin', 5], ['priya', 4], ['rachel', 3], ['liam', 3],
];
const ASKERS = [
  'siobhan', 'declan', 'tom', 'priya', 'eoin', 'rachel', 'liam', 'maeve', 'oisin', 'hannah', 'kevin', 'zofia', 'paddy', 'grace', 'niall', 'chloe', 'marcus',
];
const VOTERS = [...ASKERS, 'aoife', 'ciaran', 'gemma', 'fergal'];
const STAFF = ['niamh', 'conor'];
/** How the asker says thanks on the answer that worked. */
const THANKS = ['Thanks, that did it!', 'That was it, thank you.', 'Spot on, sorted now.', 'Brilliant, working again. Thanks!', 'Perfect, thanks for the clear steps.'];
const REPLIES = ['Done, details below:', 'Here you go:', 'Sure:'];
const REPLY_DETAILS = ["it's the Hub 5, about 10 metres and two walls.", 'serial ends 4471, on Wi-Fi.', 'all of it is in the order confirmation, ref BW-ORD-20931.', 'the code is E-31, the light is green.'];

/** Monday first, as people ask: most on Mondays, fewest on Saturdays. */
const WEEKDAY_WEIGHT = [0.7, 1.4, 1.25, 1.1, 1.0, 0.9, 0.65]; // by getUTCDay(): Sunday = 0

type Plan = 'PEER' | 'STAFF' | 'STAFF_AFTER_INFO' | 'SELF' | 'UNSOLVED' | 'UNSOLVED_STAFF' | 'LATE_ACCEPT' | 'UNANSWERED' | 'DUPLICATE';
const PLANS: ReadonlyArray<[Plan, number]> = [
  ['PEER', 44], ['STAFF', 15], ['STAFF_AFTER_INFO', 5], ['SELF', 6], ['UNSOLVED', 9], ['UNSOLVED_STAFF', 4], ['LATE_ACCEPT', 5], ['UNANSWERED', 8], ['DUPLICATE', 4],
];

/**
 * A year of customer questions before the hand-written last weeks (from 365 to 14 days before `now`, so
 * every one has played out by then), on a weekly rhythm and a growing community. Each follows a plan that
 * gives its outcome in the deflection report when replayed: staff act only after the escalation sweep
 * has sent the question to them (the peer or unsolved window has passed), mostly within their deadline in
 * business hours. The questions, their wording and their people depend only on `seed`; `now` places them.
 */
export function generateYear(seed: number, now: Date, categories: readonly DemoCategory[]): DemoQuestion[] {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const weighted = <T>(items: ReadonlyArray<[T, number]>): T => {
    let left = random() * items.reduce((sum, [, weight]) => sum + weight, 0);
    for (const [item, weight] of items) if ((left -= weight) < 0) return item;
    return items[items.length - 1][0];
  };
  const between = (low: number, high: number): number => low + random() * (high - low);
  const categoryOf = new Map(categories.map((category) => [category.key, category]));
  const solvedByTopic = new Map<DemoTopic, string>();
  const questions: DemoQuestion[] = [];
  const firstDay = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) - 365 * DAY_MS);

  for (let day = 0; day < 365 - 14; day++) {
    const date = new Date(firstDay.getTime() + day * DAY_MS);
    // From about 3.5 questions a week a year ago to about 7 now: the community grows.
    const perWeek = 3.5 + (3.5 * day) / 365;
    const expected = (perWeek / 7) * WEEKDAY_WEIGHT[date.getUTCDay()];
    const count = Math.floor(expected + random());
    for (let n = 0; n < count; n++) {
      // Mostly evenings, some lunchtimes, few before work.
      const hour = weighted<number>([[8, 1], [12, 2], [17, 2], [19, 4], [21, 3]]) + random() * 2;
      const askedAt = new Date(date.getTime() + hour * HOUR_MS + Math.floor(random() * 60) * 60_000);
      const topic = pick(DEMO_TOPICS);
      const category = categoryOf.get(topic.category);
      if (!category) throw new Error(`The demo topics name a category "${topic.category}" the demo does not have`);
      let plan = weighted(PLANS);
      const original = solvedByTopic.get(topic);
      if (plan === 'DUPLICATE' && !original) plan = 'PEER';
      const slots = { since: pick(SINCE), place: pick(PLACES), country: pick(COUNTRIES), amount: String(5 + Math.floor(random() * 40)) };
      const fill = (text: string): string => text.replace(/\{(\w+)\}/g, (_, name: keyof typeof slots) => slots[name]);
      const askedBy = pick(ASKERS);
      const ref = `year-${questions.length}`;
      const others = (how: number, not: string[]): string[] => {
        const chosen = new Set<string>();
        for (let tries = 0; chosen.size < how && tries < 20; tries++) {
          const voter = pick(VOTERS);
          if (!not.includes(voter)) chosen.add(voter);
        }
        return [...chosen];
      };
      const answerer = (not: string[]): string => {
        for (;;) {
          const who = weighted(ANSWERERS);
          if (!not.includes(who)) return who;
        }
      };
      /** Hours after asking that are `hours` of staff business time after `from` hours after asking. */
      const staffTime = (from: number, hours: number): number =>
        (addBusinessHours(new Date(askedAt.getTime() + from * HOUR_MS), hours, DEFAULT_BUSINESS_CALENDAR).getTime() - askedAt.getTime()) / HOUR_MS;
      // Mostly within the deadline; about one in eight late.
      const staffDelay = (): number => category.staffResponseHours * (random() < 0.88 ? between(0.1, 0.9) : between(1.1, 2));
      // The sweep escalates at the window's end: a tick of the replay lands exactly there.
      const unanswered = category.peerWindowHours;
      const unsolved = category.unsolvedWindowHours;
      const peerWindowTime = (): number => between(0.3, category.peerWindowHours * 0.7);

      const answers: DemoAnswer[] = [];
      const actions: DemoAction[] = [];
      const guess = (at: number): void => {
        answers.push({ by: answerer([askedBy]), hoursAfterQuestion: at, body: fill(pick(topic.guesses)) });
      };
      const fix = (at: number, accepted: boolean, acceptedAfterHours?: number): void => {
        const by = answerer([askedBy, ...answers.map((a) => a.by)]);
        answers.push({
          by, hoursAfterQuestion: at, body: fill(pick(topic.fixes)), accepted, acceptedAfterHours, upvotesFrom: others(1 + Math.floor(random() * 4), [by]),
        });
        if (accepted && random() < 0.4) {
          actions.push({ kind: 'comment', by: askedBy, hoursAfterQuestion: at + (acceptedAfterHours ?? 2) - 0.2, body: pick(THANKS), onAnswer: answers.length - 1 });
        }
      };
      const staffAnswer = (at: number, staff: string, accepted: boolean): void => {
        answers.push({ by: staff, hoursAfterQuestion: at, body: fill(pick(topic.staffAnswers)), accepted, acceptedAfterHours: between(1, 20), upvotesFrom: others(Math.floor(random() * 3), []) });
      };

      switch (plan) {
        case 'PEER': {
          const first = peerWindowTime();
          if (random() < 0.3) guess(first);
          fix(first + between(0.2, 3), true, between(0.5, 30));
          if (random() < 0.25) guess(first + between(3, 20));
          break;
        }
        case 'SELF': {
          if (random() < 0.4) guess(peerWindowTime());
          answers.push({ by: askedBy, hoursAfterQuestion: peerWindowTime() + 1, body: fill(topic.selfFix), accepted: true, acceptedAfterHours: between(0.2, 1) });
          break;
        }
        case 'STAFF':
        case 'STAFF_AFTER_INFO': {
          const staff = pick(STAFF);
          const respond = staffTime(unanswered, staffDelay());
          actions.push({ kind: 'claim', by: staff, hoursAfterQuestion: unanswered + (respond - unanswered) * 0.4 });
          if (plan === 'STAFF') {
            staffAnswer(respond, staff, true);
          } else {
            actions.push({ kind: 'comment', by: staff, hoursAfterQuestion: respond, body: `Hi, ${fill(topic.staffAsks)}` });
            actions.push({ kind: 'needsInfo', by: staff, hoursAfterQuestion: respond + 0.05, note: fill(topic.staffAsks) });
            const reply = respond + between(2, 30);
            actions.push({ kind: 'comment', by: askedBy, hoursAfterQuestion: reply, body: `${pick(REPLIES)} ${pick(REPLY_DETAILS)}` });
            staffAnswer(staffTime(reply, between(0.3, category.staffResponseHours * 0.8)), staff, true);
          }
          break;
        }
        case 'UNSOLVED':
        case 'UNSOLVED_STAFF': {
          guess(peerWindowTime());
          if (random() < 0.5) fix(peerWindowTime() + 1, false);
          const staff = pick(STAFF);
          const respond = staffTime(unsolved, staffDelay());
          if (plan === 'UNSOLVED_STAFF') staffAnswer(respond, staff, false);
          const back = plan === 'UNSOLVED' ? respond : respond + 7 * 24;
          actions.push({
            kind: 'returnToCommunity', by: staff, hoursAfterQuestion: back,
            reason: plan === 'UNSOLVED' ? 'The answers here cover it; nothing wrong on the account. Back to the community.' : 'Answered a week ago with no reply from the customer.',
          });
          break;
        }
        case 'LATE_ACCEPT': {
          // Nobody accepted in time, the question went to staff, then the asker accepted the peer answer.
          const first = peerWindowTime();
          fix(first, true, unsolved - first + between(0.5, 6));
          break;
        }
        case 'UNANSWERED': {
          const staff = pick(STAFF);
          const respond = staffTime(unanswered, staffDelay());
          actions.push({ kind: 'comment', by: staff, hoursAfterQuestion: respond, body: `Hi, ${fill(topic.staffAsks)}` });
          actions.push({ kind: 'needsInfo', by: staff, hoursAfterQuestion: respond + 0.05, note: fill(topic.staffAsks) });
          actions.push({ kind: 'returnToCommunity', by: staff, hoursAfterQuestion: respond + 7 * 24, reason: 'No reply from the customer in a week.' });
          break;
        }
        case 'DUPLICATE': {
          const at = between(0.5, category.peerWindowHours * 0.6);
          actions.push({ kind: 'comment', by: 'fergal', hoursAfterQuestion: at, body: 'This has come up before; the linked question has the fix.' });
          actions.push({ kind: 'markDuplicate', by: 'fergal', hoursAfterQuestion: at + 0.05, originalRef: original! });
          break;
        }
      }
      if (answers.some((a) => a.accepted)) solvedByTopic.set(topic, ref);
      questions.push({
        ref,
        category: topic.category,
        askedBy,
        hoursAgo: (now.getTime() - askedAt.getTime()) / HOUR_MS,
        title: fill(pick(topic.titles)),
        body: fill(pick(topic.bodies)),
        tags: topic.tags,
        upvotesFrom: others(Math.floor(random() * 3), [askedBy]),
        answers,
        actions,
        views: Math.floor(random() * 3),
      });
    }
  }
  return questions;
}
