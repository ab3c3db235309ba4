import {
  acceptanceReputation, addBusinessHours, type BusinessCalendar, DEFAULT_BUSINESS_CALENDAR, seededRandom, statusAfter, type ThreadEvent, voteReputationDelta,
} from '@peerdesk/domain';

/**
 * The shape of a large community, drawn from one seeded generator (no I/O): who asks and who answers (a
 * heavy-tailed few answer most), how many answers a question gets (0–30, mean ~4), how it ends (peer, self,
 * staff or private solution, or not at all), when the community clock escalates it to staff and whether staff
 * answer in time, votes, views and comments, over three years with a daily and weekly rhythm. Each thread is
 * played out in time order through the same rules the API applies (the thread state machine, the community
 * clock's two timeouts, business-hours staff deadlines, reputation points), so its rows are what the API would
 * have written. Rows come out as COPY text lines, table by table, in the column order of SCALE_TABLES.
 */

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
export const SPAN_DAYS = 3 * 365;
/** Minutes between a deadline and the sweep pass that acts on it. */
const SWEEP_LAG = 2 * 60_000;
const PEER_WINDOW_HOURS = 24;
const UNSOLVED_WINDOW_HOURS = 72;
const STAFF_RESPONSE_HOURS = 4;
const MAX_ANSWERS = 30;

/** Every table the seed writes, with the columns its rows carry, in order. */
export const SCALE_TABLES = {
  categories: ['id', 'name', 'slug', 'description', 'peer_window_hours', 'staff_response_hours', 'unsolved_window_hours', 'created_at'],
  users: ['id', 'email', 'display_name', 'password_hash', 'role', 'affiliation', 'created_at', 'updated_at'],
  category_staff: ['category_id', 'user_id'],
  questions: ['id', 'category_id', 'author_id', 'title', 'body', 'body_html', 'tags', 'status', 'score', 'view_count', 'answer_count',
    'accepted_answer_id', 'solved_at', 'created_at', 'updated_at', 'last_activity_at', 'is_first_question', 'has_peer_answer',
    'community_due_at', 'community_due_trigger', 'published_at'],
  answers: ['id', 'question_id', 'author_id', 'author_kind', 'body', 'body_html', 'score', 'created_at', 'updated_at'],
  answer_acceptances: ['id', 'question_id', 'answer_id', 'accepted_by', 'accepted_at'],
  comments: ['id', 'question_id', 'target_type', 'target_id', 'author_id', 'author_kind', 'body', 'body_html', 'created_at', 'updated_at'],
  votes: ['user_id', 'target_type', 'target_id', 'value', 'created_at', 'updated_at'],
  reputation_events: ['id', 'user_id', 'delta', 'kind', 'question_id', 'answer_id', 'actor_id', 'created_at'],
  question_views: ['id', 'question_id', 'viewed_at', 'viewer_id', 'by_asker'],
  escalations: ['id', 'question_id', 'reason', 'escalated_at', 'staff_response_hours', 'staff_due_at', 'first_staff_response_at',
    'first_staff_responder_id', 'breached_at', 'closed_at', 'close_reason'],
  escalation_events: ['id', 'escalation_id', 'question_id', 'type', 'reason', 'actor_id', 'at'],
  private_conversations: ['id', 'question_id', 'opened_by', 'opened_at', 'resolved_at', 'resolved_by'],
  private_messages: ['id', 'conversation_id', 'question_id', 'author_id', 'author_kind', 'body', 'body_html', 'created_at'],
} as const;
export type ScaleTable = keyof typeof SCALE_TABLES;

export interface CommunitySize {
  questions: number;
  members: number;
  staff: number;
  categories: number;
}

/** 100,000 members and 200 staff for a million questions, scaled down with the community (never under 300 and 5). */
export function communitySize(questions: number): CommunitySize {
  return {
    questions,
    members: Math.max(300, Math.round(questions / 10)),
    staff: Math.min(200, Math.max(5, Math.round(questions / 5000))),
    categories: 20,
  };
}

/** Where the rows go: one COPY text line (without its newline) for a table. */
export type RowSink = (table: ScaleTable, line: string) => void;

export interface ShapeFacts {
  /** Questions per category, by category index. */
  questionsPerCategory: number[];
  /** A question with about twenty answers and a few comments: the benchmark's question page. */
  showcaseQuestion: { id: number; answers: number; comments: number } | null;
  /** Outcomes drawn, by kind (PEER, SELF, STAFF, PRIVATE, NONE). */
  outcomes: Record<Outcome, number>;
}

type Outcome = 'PEER' | 'SELF' | 'STAFF' | 'PRIVATE' | 'NONE';

const CATEGORY_NAMES = [
  'Mobile & SIM', 'Broadband', 'Fibre', 'TV & Streaming', 'Billing', 'Roaming', 'Contracts & Upgrades', 'Phones & Devices',
  'Wi-Fi & Router', 'Email', 'Landline', '5G Coverage', 'eSIM', 'Number Porting', 'Outages', 'Parental Controls',
  'Business Plans', 'Accessibility', 'Moving Home', 'Apps & Account',
];
const SUBJECTS = [
  'router', 'SIM card', 'eSIM profile', 'fibre connection', 'TV box', 'monthly bill', 'roaming pass', 'data bundle', 'voicemail',
  'landline', 'mesh extender', 'mobile hotspot', 'app login', 'direct debit', 'number transfer', 'signal booster', 'set-top box',
  'parental filter', 'email inbox', 'contract upgrade', 'payment card', '5G signal', 'Wi-Fi calling', 'speed test', 'modem',
];
const PROBLEMS = [
  'keeps dropping', 'stopped working', 'is very slow', 'shows an error', 'will not activate', 'charges twice', 'disconnects every night',
  'cannot be found', 'lost all settings', 'gives no signal', 'reboots by itself', 'is blocked', 'shows the wrong amount', 'fails to update',
  'times out', 'needs a PIN', 'asks for a password again', 'has a red light', 'is stuck on loading', 'freezes during calls',
];
const CONTEXTS = [
  'after the firmware update', 'since moving house', 'abroad', 'on weekends', 'in the evening', 'after switching plans', 'with a new phone',
  'since the outage', 'on the second floor', 'after porting my number', 'when streaming', 'on the business plan', 'after a reset',
  'in the countryside', 'on prepay', 'since last week', 'after renewing', 'with two devices', 'during video calls', 'at night',
];
const TAGS = ['wifi', 'billing', 'sim', 'esim', 'roaming', 'fibre', 'router', '5g', 'tv', 'email', 'porting', 'outage', 'upgrade', 'app', 'speed'];
const SENTENCES = [
  'I restarted everything twice and the problem came back within an hour.',
  'The light on the front stays orange and the app says the line is fine.',
  'Support chat told me to wait a day but nothing changed.',
  'It worked perfectly until the update that was pushed last night.',
  'Other devices in the house seem fine, only this one has trouble.',
  'I checked the outage map and there is nothing reported in my area.',
  'The bill shows a charge I do not recognise from the start of the month.',
  'I tried another cable and a different socket with the same result.',
  'Is there a setting I am missing or should I ask for an engineer?',
  'My neighbour on the same street has the same issue since Tuesday.',
];
const ANSWER_SENTENCES = [
  'Try a factory reset by holding the pin button for thirty seconds, then set it up again from the app.',
  'Switch the band to 5 GHz in the advanced settings and pick a fixed channel such as 36 or 44.',
  'That charge is the pro-rata part of your new plan; it appears once and the next bill is normal.',
  'Turn off Wi-Fi calling, restart the phone and turn it back on; the profile refreshes that way.',
  'Check that roaming is enabled under mobile networks and that the APN is set to the default one.',
  'The firmware update changed the DNS settings; set them back to automatic and it reconnects.',
  'Ask for a replacement SIM in the app under Account, Devices; it arrives within two days.',
  'Move the router off the floor and away from the TV; the signal improved a lot for me.',
  'You can dispute a charge from the billing page; it is credited on the next invoice.',
  'An engineer visit is free when the line test fails, so run the line test first and share the result.',
];
const COMMENTS = [
  'Same here, following this thread.', 'Did you try the line test from the app?', 'Which model is your router?',
  'That fixed it for me too, thanks.', 'Can you share a screenshot of the error?', 'Still happening this morning.',
  'Thanks, I will try that tonight.', 'Is this on prepay or bill pay?',
];
const PRIVATE_MESSAGES = [
  'Here are my account details as asked.', 'Thanks for getting back to me, the reference is on the letter.',
  'We have checked your account and applied a fix on our side.', 'We refunded the duplicate charge; it shows within five days.',
];
const FIRST_NAMES = ['Aoife', 'Liam', 'Sofia', 'Noah', 'Emma', 'Oisin', 'Mia', 'Jack', 'Chloe', 'Finn', 'Ava', 'Cian', 'Grace', 'Luca',
  'Ella', 'Sean', 'Zoe', 'Adam', 'Isla', 'Conor', 'Lucy', 'Ryan', 'Hannah', 'Darragh', 'Amelia', 'Tadhg', 'Nora', 'Ben', 'Ruth', 'Kian'];
const LAST_NAMES = ['Murphy', 'Kelly', 'Walsh', 'Byrne', 'Ryan', 'Doyle', 'Nolan', 'Brennan', 'Quinn', 'Moore', 'Smith', 'Novak', 'Garcia',
  'Rossi', 'Dubois', 'Kowalski', 'Silva', 'Okafor', 'Nguyen', 'Singh', 'Larsen', 'Costa', 'Fischer', 'Hughes', 'Keane'];

/** The password every sign-in account of the scale seed has (documented in the README). */
export const SCALE_PASSWORD = 'scale seed password';
/** How many members (the busiest answerers) can sign in. */
export const SIGN_IN_MEMBERS = 5;

export const memberEmail = (index: number) => `member${index + 1}@scale.peerdesk.test`;
export const staffEmail = (index: number) => `staff${index + 1}@scale.peerdesk.test`;
export const categorySlug = (index: number) => CATEGORY_NAMES[index % CATEGORY_NAMES.length].toLowerCase().replace(/[^a-z0-9]+/g, '-') + (index >= CATEGORY_NAMES.length ? `-${index}` : '');

/** COPY text: the null marker, a timestamp, an array of words. The generated text has no tab, newline or backslash. */
const NULL = '\\N';
const TWO_DIGITS = Array.from({ length: 60 }, (_, n) => String(n).padStart(2, '0'));
const THREE_DIGITS = Array.from({ length: 1000 }, (_, n) => String(n).padStart(3, '0'));
const dayPrefixes = new Map<number, string>();
/** A UTC timestamp as COPY reads it; the day's text is cached (toISOString was a fifth of the generator's time). */
function ts(ms: number): string {
  const whole = Math.floor(ms);
  const day = Math.floor(whole / DAY);
  let prefix = dayPrefixes.get(day);
  if (prefix === undefined) {
    prefix = new Date(day * DAY).toISOString().slice(0, 11);
    dayPrefixes.set(day, prefix);
  }
  const rest = whole - day * DAY;
  const seconds = Math.floor(rest / 1000);
  return `${prefix}${TWO_DIGITS[Math.floor(seconds / 3600)]}:${TWO_DIGITS[Math.floor(seconds / 60) % 60]}:${TWO_DIGITS[seconds % 60]}.${THREE_DIGITS[rest % 1000]}Z`;
}
const tsOrNull = (ms: number | null) => (ms === null ? NULL : ts(ms));
const idOrNull = (id: number | null) => (id === null ? NULL : String(id));

/**
 * addBusinessHours(at, hours, calendar), cached per UTC hour: the calendar's openings and closings fall on whole
 * hours, so within one hour the deadline either moves with the start (a business hour) or stands still (a closed
 * one). Where neither holds (the deadline lands on a closing) it is computed afresh. A test holds it to the rule.
 */
function businessDeadlines(hours: number, calendar: BusinessCalendar): (at: number) => number {
  const exact = (at: number) => addBusinessHours(new Date(at), hours, calendar).getTime();
  const byHour = new Map<number, { due: number; moves: boolean } | null>();
  return (at) => {
    const hour = Math.floor(at / HOUR) * HOUR;
    let cached = byHour.get(hour);
    if (cached === undefined) {
      const due = exact(hour);
      const next = exact(hour + 1);
      cached = next === due + 1 ? { due, moves: true } : next === due ? { due, moves: false } : null;
      byHour.set(hour, cached);
    }
    if (cached === null) return exact(at);
    return cached.moves ? cached.due + (at - hour) : cached.due;
  };
}
const html = (text: string) => `<p>${text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')}</p>`;

/** Ids are given in order from 1: the seed only writes into an empty database. */
class Ids {
  private next = new Map<string, number>();
  take(table: string): number {
    const id = (this.next.get(table) ?? 0) + 1;
    this.next.set(table, id);
    return id;
  }
}

interface PostedAnswer { id: number; authorId: number; kind: 'PEER' | 'STAFF'; at: number; score: number }
interface TimedEvent { at: number; event: ThreadEvent }

export interface CommunityPlan {
  size: CommunitySize;
  startMs: number;
  endMs: number;
  /** User ids: staff are 1..staff, members follow. */
  staffId: (index: number) => number;
  memberId: (index: number) => number;
}

export function planCommunity(questions: number, endsAt: Date): CommunityPlan {
  const size = communitySize(questions);
  const endMs = endsAt.getTime();
  return {
    size,
    startMs: endMs - SPAN_DAYS * DAY,
    endMs,
    staffId: (index) => index + 1,
    memberId: (index) => size.staff + index + 1,
  };
}

/**
 * Writes the whole community into `sink`, in one deterministic order; `passwordHash` is given to the staff's first
 * account and the SIGN_IN_MEMBERS busiest members. Calls `pause` after each question so the caller can apply
 * backpressure (and show progress).
 */
export async function generateCommunity(
  plan: CommunityPlan, seed: number, passwordHash: string, sink: RowSink, pause: (questionsDone: number) => Promise<void> | void,
): Promise<ShapeFacts> {
  const random = seededRandom(seed);
  const { size, startMs, endMs } = plan;
  const ids = new Ids();
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const normal = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  /** A delay whose logarithm is normal: most come soon, a few very late (median `medianHours`). */
  const delay = (medianHours: number, spread: number) => Math.exp(Math.log(medianHours * HOUR) + spread * normal());
  /** An index in [0, n) with probability ∝ 1/(rank+1): Zipf with exponent 1, the shape of who answers in a forum. */
  const zipf = (n: number) => Math.min(n - 1, Math.floor(Math.exp(random() * Math.log(n + 1))) - 1);

  // Categories: popularity falls with rank (Zipf, exponent 0.8); each has a staff team.
  const categoryWeights = Array.from({ length: size.categories }, (_, c) => 1 / Math.pow(c + 1, 0.8));
  const categoryTotal = categoryWeights.reduce((a, b) => a + b, 0);
  const categoryCdf = categoryWeights.map(((sum) => (w: number) => (sum += w / categoryTotal))(0));
  const created = ts(startMs - 30 * DAY);
  for (let c = 0; c < size.categories; c++) {
    const name = CATEGORY_NAMES[c % CATEGORY_NAMES.length] + (c >= CATEGORY_NAMES.length ? ` ${c}` : '');
    sink('categories', [c + 1, name, categorySlug(c), `Questions about ${name.toLowerCase()}.`, PEER_WINDOW_HOURS, STAFF_RESPONSE_HOURS, UNSOLVED_WINDOW_HOURS, created].join('\t'));
  }
  const teams: number[][] = Array.from({ length: size.categories }, () => []);
  for (let s = 0; s < Math.max(size.staff, size.categories); s++) teams[s % size.categories].push(s % size.staff);
  teams.forEach((team, c) => [...new Set(team)].forEach((s) => sink('category_staff', `${c + 1}\t${plan.staffId(s)}`)));

  // Users: staff first, then members. They joined before the three years begin.
  const joined = (i: number) => ts(startMs - (1 + (i % 365)) * DAY);
  for (let s = 0; s < size.staff; s++) {
    const name = `${FIRST_NAMES[s % FIRST_NAMES.length]} ${LAST_NAMES[(s * 7) % LAST_NAMES.length]} (Staff)`;
    sink('users', [plan.staffId(s), staffEmail(s), name, s === 0 ? passwordHash : NULL, 'STAFF', 'EMPLOYEE', joined(s), joined(s)].join('\t'));
  }
  for (let m = 0; m < size.members; m++) {
    const name = `${FIRST_NAMES[m % FIRST_NAMES.length]} ${LAST_NAMES[Math.floor(m / FIRST_NAMES.length) % LAST_NAMES.length]}${m >= FIRST_NAMES.length * LAST_NAMES.length ? ` ${Math.floor(m / (FIRST_NAMES.length * LAST_NAMES.length)) + 1}` : ''}`;
    sink('users', [plan.memberId(m), memberEmail(m), name, m < SIGN_IN_MEMBERS ? passwordHash : NULL, 'MEMBER', 'COMMUNITY', joined(m), joined(m)].join('\t'));
  }

  // When questions are asked: more by day than by night, fewer at weekends, and a community that grows.
  const askedAt = new Float64Array(size.questions);
  for (let i = 0; i < size.questions; i++) {
    for (;;) {
      const at = startMs + random() * (endMs - startMs);
      const date = new Date(at);
      const hour = date.getUTCHours();
      const weekday = date.getUTCDay();
      const daily = hour < 7 ? 0.12 : hour < 9 ? 0.6 : hour < 18 ? 1 : hour < 23 ? 0.8 : 0.3;
      const weekly = weekday === 0 || weekday === 6 ? 0.45 : 1;
      const growth = 0.5 + 0.5 * (at - startMs) / (endMs - startMs);
      if (random() < daily * weekly * growth) {
        askedAt[i] = Math.floor(at);
        break;
      }
    }
  }
  askedAt.sort();

  const facts: ShapeFacts = {
    questionsPerCategory: new Array(size.categories).fill(0),
    showcaseQuestion: null,
    outcomes: { PEER: 0, SELF: 0, STAFF: 0, PRIVATE: 0, NONE: 0 },
  };
  const asked = new Uint8Array(size.members);
  const staffDeadline = businessDeadlines(STAFF_RESPONSE_HOURS, DEFAULT_BUSINESS_CALENDAR);

  for (let i = 0; i < size.questions; i++) {
    const questionId = ids.take('questions');
    const t0 = askedAt[i];
    const u = random();
    const category = categoryCdf.findIndex((edge) => u < edge);
    const c = category < 0 ? size.categories - 1 : category;
    facts.questionsPerCategory[c]++;
    const team = teams[c];
    // Askers are spread wider than answerers (exponent 1 over twice the members, folded back).
    const askerIndex = zipf(size.members * 2) % size.members;
    const askerId = plan.memberId(askerIndex);
    const isFirstQuestion = !asked[askerIndex];
    asked[askerIndex] = 1;
    const before = (at: number) => at < endMs;

    const answers: PostedAnswer[] = [];
    const events: TimedEvent[] = [];
    const postAnswer = (authorId: number, kind: 'PEER' | 'STAFF', at: number): PostedAnswer | null => {
      if (!before(at)) return null;
      const answer = { id: 0, authorId, kind, at, score: 0 };
      answers.push(answer);
      events.push({ at, event: { type: 'ANSWER_POSTED' } });
      return answer;
    };

    // Peer answers: 0–30, mean ~4, a long tail; the asker never answers themself here (see SELF).
    const drawn = random() < 0.12 ? 0 : Math.min(MAX_ANSWERS, 1 + Math.floor(-Math.log(1 - random()) * 4.2));
    for (let k = 0; k < drawn; k++) {
      let author = plan.memberId(zipf(size.members));
      if (author === askerId) author = plan.memberId((askerIndex + 1) % size.members);
      postAnswer(author, 'PEER', t0 + delay(3, 1.6));
    }
    answers.sort((a, b) => a.at - b.at);
    const firstPeerAt = answers.length ? answers[0].at : Infinity;

    // How it ends, if it does.
    const v = random();
    let outcome: Outcome = v < 0.36 ? 'PEER' : v < 0.41 ? 'SELF' : v < 0.48 ? 'STAFF' : v < 0.54 ? 'PRIVATE' : 'NONE';
    let accepted: { answer: PostedAnswer; at: number; by: number } | null = null;
    let privatelyResolvedAt: number | null = null;
    if (outcome === 'PEER') {
      if (answers.length === 0) outcome = 'NONE';
      else {
        const answer = answers[Math.floor(random() * random() * answers.length)];
        const at = answer.at + delay(6, 1.2);
        if (before(at)) accepted = { answer, at, by: askerId };
        else outcome = 'NONE';
      }
    } else if (outcome === 'SELF') {
      const answer = postAnswer(askerId, 'PEER', t0 + delay(20, 1));
      const at = answer ? answer.at + delay(1, 1) : Infinity;
      if (answer && before(at)) accepted = { answer, at, by: askerId };
      else outcome = 'NONE';
    }
    const solvedBy = () => accepted?.at ?? privatelyResolvedAt ?? Infinity;

    // The community clock, played forward: each timeout fires once, when nobody has solved it and staff do not have it.
    const fired = { UNANSWERED_TIMEOUT: false, UNSOLVED_TIMEOUT: false };
    let clockFrom = t0;
    let openEscalation = false;
    const escalations: Array<{ id: number; row: string[]; events: string[] }> = [];
    const comments: Array<{ targetType: 'QUESTION' | 'ANSWER'; target: PostedAnswer | null; authorId: number; kind: 'PEER' | 'STAFF'; at: number }> = [];
    let conversation: { id: number; openedAt: number; resolvedAt: number | null; resolvedBy: number | null; messages: Array<{ authorId: number; kind: 'PEER' | 'STAFF'; at: number }> } | null = null;
    const escalationEvent = (escalationId: number, type: string, reason: string | null, actor: number | null, at: number) =>
      `${ids.take('escalation_events')}\t${escalationId}\t${questionId}\t${type}\t${reason ?? NULL}\t${idOrNull(actor)}\t${ts(at)}`;

    for (;;) {
      let reason: 'UNANSWERED_TIMEOUT' | 'UNSOLVED_TIMEOUT' | null = null;
      let dueAt = Infinity;
      if (!fired.UNANSWERED_TIMEOUT && firstPeerAt > Math.max(t0 + PEER_WINDOW_HOURS * HOUR, clockFrom)) {
        reason = 'UNANSWERED_TIMEOUT';
        dueAt = Math.max(t0 + PEER_WINDOW_HOURS * HOUR, clockFrom);
      } else if (!fired.UNSOLVED_TIMEOUT && firstPeerAt < Infinity) {
        reason = 'UNSOLVED_TIMEOUT';
        dueAt = Math.max(t0 + UNSOLVED_WINDOW_HOURS * HOUR, clockFrom, firstPeerAt);
      }
      if (!reason) break;
      const escalatedAt = dueAt + Math.floor(random() * SWEEP_LAG);
      if (escalatedAt >= solvedBy() || !before(escalatedAt)) break;
      fired[reason] = true;
      const escalationId = ids.take('escalations');
      const staffDueAt = staffDeadline(escalatedAt);
      const responder = plan.staffId(team[Math.floor(random() * team.length)]);
      // Most answered within the deadline; a tail (busy days) breach it.
      const respondedAt = escalatedAt + delay(2, 1.3);
      const escalationEvents = [escalationEvent(escalationId, 'ESCALATED', reason, null, escalatedAt)];
      events.push({ at: escalatedAt, event: { type: 'ESCALATED' } });
      let firstResponse: number | null = null;
      let breachedAt: number | null = null;
      let closedAt: number | null = null;
      let closeReason: string | null = null;
      if (staffDueAt + SWEEP_LAG < Math.min(respondedAt, endMs, solvedBy())) {
        // The sweep saw the deadline pass.
        breachedAt = staffDueAt;
        escalationEvents.push(escalationEvent(escalationId, 'BREACHED', null, null, staffDueAt + SWEEP_LAG));
      }
      const lateResponse = breachedAt === null && respondedAt > staffDueAt && before(respondedAt) && respondedAt < solvedBy();
      if (before(respondedAt) && respondedAt < solvedBy()) {
        firstResponse = respondedAt;
        if (outcome === 'PRIVATE' && !conversation) {
          const openedAt = Math.max(escalatedAt + 1, escalatedAt + Math.min(delay(0.5, 1), respondedAt - escalatedAt - 1000));
          const resolvedAt = respondedAt + delay(3, 1);
          conversation = {
            id: ids.take('private_conversations'), openedAt, resolvedAt: before(resolvedAt) ? resolvedAt : null,
            resolvedBy: before(resolvedAt) ? responder : null,
            messages: [{ authorId: askerId, kind: 'PEER', at: openedAt }, { authorId: responder, kind: 'STAFF', at: respondedAt }],
          };
          if (conversation.resolvedAt !== null) {
            privatelyResolvedAt = conversation.resolvedAt;
            events.push({ at: conversation.resolvedAt, event: { type: 'RESOLVED_PRIVATELY' } });
          }
        } else if (outcome === 'STAFF' || random() < 0.5) {
          const answer = postAnswer(responder, 'STAFF', respondedAt)!;
          if (outcome === 'STAFF') {
            const at = respondedAt + delay(8, 1);
            if (before(at)) accepted = { answer, at, by: askerId };
            else outcome = 'NONE';
          }
        } else {
          comments.push({ targetType: 'QUESTION', target: null, authorId: responder, kind: 'STAFF', at: respondedAt });
        }
        escalationEvents.push(escalationEvent(escalationId, 'STAFF_RESPONDED', null, responder, respondedAt));
        // A response after the deadline, before the sweep noticed: the response records the breach.
        if (lateResponse) {
          breachedAt = staffDueAt;
          escalationEvents.push(escalationEvent(escalationId, 'BREACHED', null, null, respondedAt));
        }
      }
      if (outcome === 'STAFF' && !accepted) outcome = 'NONE';
      if (outcome === 'PRIVATE' && privatelyResolvedAt === null) outcome = 'NONE';
      const returnAt = firstResponse === null ? Infinity : firstResponse + delay(4, 1);
      if (solvedBy() < Math.min(returnAt, Infinity) && before(solvedBy())) {
        closedAt = solvedBy();
        closeReason = 'SOLVED';
        escalationEvents.push(escalationEvent(escalationId, 'SOLVED', null, accepted ? askerId : responder, closedAt));
      } else if (before(returnAt)) {
        closedAt = returnAt;
        closeReason = 'RETURNED_TO_COMMUNITY';
        escalationEvents.push(escalationEvent(escalationId, 'RETURNED_TO_COMMUNITY', null, responder, returnAt));
        events.push({ at: returnAt, event: { type: 'RETURNED_TO_COMMUNITY', answerCount: 0, hasAcceptedAnswer: false } });
      }
      escalations.push({
        id: escalationId,
        row: [String(escalationId), String(questionId), reason, ts(escalatedAt), String(STAFF_RESPONSE_HOURS), ts(staffDueAt), tsOrNull(firstResponse),
          firstResponse === null ? NULL : String(responder), tsOrNull(breachedAt), tsOrNull(closedAt), closeReason ?? NULL],
        events: escalationEvents,
      });
      if (closeReason !== 'RETURNED_TO_COMMUNITY') {
        openEscalation = closedAt === null;
        break;
      }
      clockFrom = returnAt;
    }
    if (outcome === 'PEER' || outcome === 'SELF') {
      if (!accepted) outcome = 'NONE';
    }
    facts.outcomes[outcome]++;
    if (accepted) events.push({ at: accepted.at, event: { type: 'ANSWER_ACCEPTED' } });

    // Ids in the order the posts were written.
    answers.sort((a, b) => a.at - b.at);
    for (const answer of answers) answer.id = ids.take('answers');

    // Comments: on the question and its answers, from peers and now and then the asker.
    const commentCount = Math.floor(-Math.log(1 - random()) * 1.3);
    for (let k = 0; k < commentCount; k++) {
      const onAnswer = answers.length > 0 && random() < 0.6;
      const target = onAnswer ? answers[Math.floor(random() * answers.length)] : null;
      const authorId = random() < 0.3 ? askerId : plan.memberId(zipf(size.members));
      const at = (target?.at ?? t0) + delay(2, 1.5);
      if (before(at)) comments.push({ targetType: onAnswer ? 'ANSWER' : 'QUESTION', target, authorId, kind: 'PEER', at });
    }
    comments.sort((a, b) => a.at - b.at);

    // Votes (never on one's own post, one per member and post) and the reputation each moves.
    let questionScore = 0;
    const vote = (targetType: 'QUESTION' | 'ANSWER', targetId: number, authorId: number, postedAt: number, count: number): number => {
      let score = 0;
      const voters = new Set<number>();
      for (let k = 0; k < count; k++) {
        const voter = plan.memberId(Math.floor(random() * size.members));
        if (voter === authorId || voters.has(voter)) continue;
        voters.add(voter);
        const value: 1 | -1 = random() < 0.08 ? -1 : 1;
        const at = postedAt + delay(12, 1.5);
        if (!before(at)) continue;
        score += value;
        sink('votes', `${voter}\t${targetType}\t${targetId}\t${value}\t${ts(at)}\t${ts(at)}`);
        const kind = value === -1 ? 'DOWNVOTED' : targetType === 'ANSWER' ? 'ANSWER_UPVOTED' : 'QUESTION_UPVOTED';
        sink('reputation_events', [ids.take('reputation_events'), authorId, voteReputationDelta(targetType, 0, value), kind, questionId,
          targetType === 'ANSWER' ? targetId : NULL, voter, ts(at)].join('\t'));
      }
      return score;
    };
    questionScore = vote('QUESTION', questionId, askerId, t0, Math.floor(-Math.log(1 - random()) * 0.8));
    for (const answer of answers) {
      answer.score = vote('ANSWER', answer.id, answer.authorId, answer.at, Math.floor(-Math.log(1 - random()) * (answer === accepted?.answer ? 2.5 : 0.8)));
    }

    // Views: more for busier threads, most of them anonymous; each a question_views row, as the API counts them.
    const views = 1 + Math.floor(-Math.log(1 - random()) * (0.5 + answers.length / 2));
    let viewCount = 0;
    for (let k = 0; k < views; k++) {
      const at = t0 + delay(24, 2);
      if (!before(at)) continue;
      viewCount++;
      const viewer = random() < 0.6 ? null : plan.memberId(Math.floor(random() * size.members));
      sink('question_views', `${ids.take('question_views')}\t${questionId}\t${ts(at)}\t${idOrNull(viewer)}\t${viewer === askerId ? 't' : 'f'}`);
    }

    // The thread's status: its events replayed through the state machine, in the order they happened.
    events.sort((a, b) => a.at - b.at);
    // Returning to the community names what the thread held then.
    const status = statusAfter(events.map(({ at, event }): ThreadEvent => event.type !== 'RETURNED_TO_COMMUNITY' ? event : {
      type: 'RETURNED_TO_COMMUNITY', answerCount: answers.filter((a) => a.at <= at).length, hasAcceptedAnswer: (accepted?.at ?? Infinity) <= at,
    }));
    // Not yet fired: the next timeout, as the community clock would hold it now.
    let due: { at: number; trigger: string } | null = null;
    if (!openEscalation && status !== 'SOLVED') {
      if (!fired.UNANSWERED_TIMEOUT && firstPeerAt === Infinity) due = { at: t0 + PEER_WINDOW_HOURS * HOUR, trigger: 'UNANSWERED_TIMEOUT' };
      else if (!fired.UNSOLVED_TIMEOUT && firstPeerAt < Infinity) due = { at: t0 + UNSOLVED_WINDOW_HOURS * HOUR, trigger: 'UNSOLVED_TIMEOUT' };
    }
    const lastActivity = Math.max(t0, ...answers.map((a) => a.at), ...comments.map((m) => m.at), accepted?.at ?? t0);
    const title = `${capitalise(pick(SUBJECTS))} ${pick(PROBLEMS)} ${pick(CONTEXTS)}`;
    const body = `${pick(SENTENCES)} ${pick(SENTENCES)} ${pick(SENTENCES)}`;
    const tags = `{${[...new Set([pick(TAGS), pick(TAGS)])].slice(0, 1 + Math.floor(random() * 2)).join(',')}}`;
    const hasPeerAnswer = answers.some((a) => a.kind === 'PEER' && a.authorId !== askerId);
    sink('questions', [questionId, c + 1, askerId, title, body, html(body), tags, status, questionScore, viewCount, answers.length,
      idOrNull(accepted?.answer.id ?? null), tsOrNull(accepted?.at ?? null), ts(t0), ts(t0), ts(lastActivity), isFirstQuestion ? 't' : 'f',
      hasPeerAnswer ? 't' : 'f', tsOrNull(due?.at ?? null), due?.trigger ?? NULL, ts(t0)].join('\t'));

    for (const answer of answers) {
      const text = answer.kind === 'STAFF' ? `Thanks for your patience. ${pick(ANSWER_SENTENCES)}` : `${pick(ANSWER_SENTENCES)} ${pick(ANSWER_SENTENCES)}`;
      sink('answers', [answer.id, questionId, answer.authorId, answer.kind, text, html(text), answer.score, ts(answer.at), ts(answer.at)].join('\t'));
    }
    if (accepted) {
      sink('answer_acceptances', [ids.take('answer_acceptances'), questionId, accepted.answer.id, accepted.by, ts(accepted.at)].join('\t'));
      const points = acceptanceReputation({ authorId: String(accepted.answer.authorId) }, { authorId: String(askerId) });
      if (points !== 0) {
        sink('reputation_events', [ids.take('reputation_events'), accepted.answer.authorId, points, 'ANSWER_ACCEPTED', questionId, accepted.answer.id,
          accepted.by, ts(accepted.at)].join('\t'));
      }
    }
    for (const comment of comments) {
      const text = comment.kind === 'STAFF' ? 'Our team is looking into this; we will reply here shortly.' : pick(COMMENTS);
      const targetId = comment.target?.id ?? questionId;
      sink('comments', [ids.take('comments'), questionId, comment.targetType, targetId, comment.authorId, comment.kind, text, html(text),
        ts(comment.at), ts(comment.at)].join('\t'));
    }
    for (const escalation of escalations) {
      sink('escalations', escalation.row.join('\t'));
      for (const line of escalation.events) sink('escalation_events', line);
    }
    if (conversation) {
      sink('private_conversations', [conversation.id, questionId, askerId, ts(conversation.openedAt), tsOrNull(conversation.resolvedAt),
        idOrNull(conversation.resolvedBy)].join('\t'));
      for (const message of conversation.messages) {
        const text = message.kind === 'STAFF' ? PRIVATE_MESSAGES[2 + Math.floor(random() * 2)] : PRIVATE_MESSAGES[Math.floor(random() * 2)];
        sink('private_messages', [ids.take('private_messages'), conversation.id, questionId, message.authorId, message.kind, text, html(text),
          ts(message.at)].join('\t'));
      }
    }

    const best = facts.showcaseQuestion;
    if (answers.length <= 22 && (!best || Math.abs(answers.length - 20) * 10 - comments.length < Math.abs(best.answers - 20) * 10 - best.comments)) {
      facts.showcaseQuestion = { id: questionId, answers: answers.length, comments: comments.length };
    }
    await pause(i + 1);
  }
  return facts;
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
