import type { Affiliation } from './roles';
import { LIMITS } from './validation';

/**
 * Trust levels: what the community has seen of a member, from NEW (just registered) to LEADER. Promotion
 * is automatic from activity; a moderator may set and lock a level. Employees are exempt from the limits
 * below (they are never held back as newcomers).
 */
export const TRUST_LEVELS = ['NEW', 'BASIC', 'MEMBER', 'REGULAR', 'LEADER'] as const;
export type TrustLevel = typeof TRUST_LEVELS[number];

export function isTrustLevel(value: unknown): value is TrustLevel {
  return typeof value === 'string' && (TRUST_LEVELS as readonly string[]).includes(value);
}

/** What a level allows: one row per level, beside the capability table (roles.ts), read by every check. */
export interface TrustAllowance {
  /** Links one post may hold; more holds the post for review. */
  linksPerPost: number;
  /** Whether a post may show images. */
  images: boolean;
  /** Posts (questions, answers, comments together) per hour. */
  postsPerHour: number;
  /** How much one flag by this member counts towards hiding a post. */
  flagWeight: number;
  /** Whether the member may edit the tags of others' questions. */
  editOthersTags: boolean;
  /** Whether the member may close a question as a duplicate. */
  closeDuplicates: boolean;
}

export const TRUST_ALLOWANCES: Readonly<Record<TrustLevel, TrustAllowance>> = Object.freeze({
  NEW: { linksPerPost: 2, images: false, postsPerHour: 5, flagWeight: 1, editOthersTags: false, closeDuplicates: false },
  BASIC: { linksPerPost: 10, images: true, postsPerHour: 20, flagWeight: 1, editOthersTags: false, closeDuplicates: false },
  MEMBER: { linksPerPost: LIMITS.linksPerPost.max, images: true, postsPerHour: 60, flagWeight: 2, editOthersTags: false, closeDuplicates: false },
  REGULAR: { linksPerPost: LIMITS.linksPerPost.max, images: true, postsPerHour: 120, flagWeight: 3, editOthersTags: true, closeDuplicates: false },
  LEADER: { linksPerPost: LIMITS.linksPerPost.max, images: true, postsPerHour: 240, flagWeight: 5, editOthersTags: true, closeDuplicates: true },
});

/**
 * An employee's allowance: no newcomer limits (links, images, posts per hour, flag weight), whatever the level on
 * their account. The community's privileges (editing others' tags, closing duplicates) are not limits: they go
 * by the level alone (trustPrivilegesOf), so an employee role gains no moderation by affiliation.
 */
export const EMPLOYEE_ALLOWANCE: TrustAllowance = TRUST_ALLOWANCES.LEADER;

export function allowanceOf(level: TrustLevel, isEmployee: boolean): TrustAllowance {
  return isEmployee ? EMPLOYEE_ALLOWANCE : TRUST_ALLOWANCES[level];
}

/** Whom an allowance is read for (the API's viewer is one): their level, and whether they are an employee. */
export interface AllowanceHolder {
  trustLevel: TrustLevel;
  affiliation: Affiliation;
}

export function allowanceFor(holder: AllowanceHolder): TrustAllowance {
  return allowanceOf(holder.trustLevel, holder.affiliation === 'EMPLOYEE');
}

/** What the community trusts a member to do to others' posts: the level's own row, employee or not. */
export function trustPrivilegesOf(level: TrustLevel): Pick<TrustAllowance, 'editOthersTags' | 'closeDuplicates'> {
  return TRUST_ALLOWANCES[level];
}

/** What automatic promotion reads of a member's activity (apps/api/src/trust gathers it). */
export interface TrustActivity {
  /** Days on which the member used a signed-in session (user_visits). */
  daysVisited: number;
  /** Distinct questions the member has read (question_views by viewer, their own questions left out). */
  postsRead: number;
  /** Their answers accepted now, on others' questions (an acceptance withdrawn no longer counts). */
  answersAccepted: number;
  reputation: number;
  /** Flags against their posts that a moderator upheld. */
  flagsUpheld: number;
}

/** What each automatic level asks for; every figure must be reached (0: not asked). Configured at start-up (TRUST_* variables). */
export interface TrustThresholds {
  basic: { daysVisited: number; postsRead: number };
  member: { daysVisited: number; postsRead: number; answersAccepted: number };
  regular: { daysVisited: number; reputation: number; answersAccepted: number; maxFlagsUpheld: number };
}

/**
 * Discourse-like defaults: BASIC after reading a few questions on a first day, MEMBER after a couple of
 * weeks of visits, 100 questions read and one accepted answer, REGULAR after 50 days of visits, 200
 * reputation and 10 accepted answers, with at most 2 flags upheld against them (more takes REGULAR away).
 */
export const DEFAULT_TRUST_THRESHOLDS: TrustThresholds = Object.freeze({
  basic: Object.freeze({ daysVisited: 1, postsRead: 5 }),
  member: Object.freeze({ daysVisited: 15, postsRead: 100, answersAccepted: 1 }),
  regular: Object.freeze({ daysVisited: 50, reputation: 200, answersAccepted: 10, maxFlagsUpheld: 2 }),
}) as TrustThresholds;

/** The level activity alone earns (never LEADER: leaders are chosen by hand). */
export function earnedTrustLevel(activity: TrustActivity, thresholds: TrustThresholds): Exclude<TrustLevel, 'LEADER'> {
  const { basic, member, regular } = thresholds;
  if (activity.daysVisited < basic.daysVisited || activity.postsRead < basic.postsRead) return 'NEW';
  if (activity.daysVisited < member.daysVisited || activity.postsRead < member.postsRead || activity.answersAccepted < member.answersAccepted) return 'BASIC';
  if (
    activity.daysVisited < regular.daysVisited || activity.reputation < regular.reputation
    || activity.answersAccepted < regular.answersAccepted || activity.flagsUpheld > regular.maxFlagsUpheld
  ) return 'MEMBER';
  return 'REGULAR';
}

const rank = (level: TrustLevel) => TRUST_LEVELS.indexOf(level);

/**
 * The level the automatic rule gives a member now at `current`: promotion to what their activity earns,
 * never down again (a quiet month costs nothing), except that a REGULAR with more flags upheld than the
 * threshold allows goes back to MEMBER. LEADER is never given nor taken here. A level locked by hand is
 * not the rule's to change (the caller skips it).
 */
export function trustLevelFor(activity: TrustActivity, thresholds: TrustThresholds, current: TrustLevel): TrustLevel {
  if (current === 'LEADER') return 'LEADER';
  if (current === 'REGULAR' && activity.flagsUpheld > thresholds.regular.maxFlagsUpheld) return 'MEMBER';
  const earned = earnedTrustLevel(activity, thresholds);
  return rank(earned) > rank(current) ? earned : current;
}

/** The actions whose limits tighten for newcomers (README "Rate limits"); `post` counts asking, answering and commenting together. */
export const TRUST_LIMITED_ACTIONS = ['post', 'ask', 'answer', 'comment', 'vote', 'flag'] as const;
export type TrustLimitedAction = (typeof TRUST_LIMITED_ACTIONS)[number];

/** Which trust-level counters an action counts against (asking counts as an ask and as a post). */
export const TRUST_LIMITED_BY: Readonly<Record<string, readonly TrustLimitedAction[]>> = Object.freeze({
  ask: ['ask', 'post'],
  answer: ['answer', 'post'],
  comment: ['comment', 'post'],
  vote: ['vote'],
  flag: ['flag'],
});

/**
 * Rate limits by trust level, per account and hour, on top of the per-account and per-IP limits every
 * member has (DEFAULT_RATE_RULES): the tighter one decides. NEW members are held closest; from MEMBER up
 * only the general limits apply (null). `post` is TRUST_ALLOWANCES' postsPerHour. Employees and
 * moderators have none of these. RATE_LIMIT_RULES may override an entry as `<action>.<level>`, e.g. `ask.new=2/1h`.
 */
export const TRUST_RATE_LIMITS: Readonly<Record<TrustLevel, Readonly<Record<TrustLimitedAction, { limit: number; windowSeconds: number } | null>>>> = Object.freeze({
  NEW: { post: { limit: TRUST_ALLOWANCES.NEW.postsPerHour, windowSeconds: 3600 }, ask: { limit: 3, windowSeconds: 3600 }, answer: { limit: 5, windowSeconds: 3600 }, comment: { limit: 5, windowSeconds: 3600 }, vote: { limit: 20, windowSeconds: 3600 }, flag: { limit: 5, windowSeconds: 3600 } },
  BASIC: { post: { limit: TRUST_ALLOWANCES.BASIC.postsPerHour, windowSeconds: 3600 }, ask: { limit: 6, windowSeconds: 3600 }, answer: { limit: 15, windowSeconds: 3600 }, comment: { limit: 20, windowSeconds: 3600 }, vote: { limit: 60, windowSeconds: 3600 }, flag: { limit: 15, windowSeconds: 3600 } },
  MEMBER: { post: { limit: TRUST_ALLOWANCES.MEMBER.postsPerHour, windowSeconds: 3600 }, ask: null, answer: null, comment: null, vote: null, flag: { limit: 30, windowSeconds: 3600 } },
  REGULAR: { post: { limit: TRUST_ALLOWANCES.REGULAR.postsPerHour, windowSeconds: 3600 }, ask: null, answer: null, comment: null, vote: null, flag: null },
  LEADER: { post: { limit: TRUST_ALLOWANCES.LEADER.postsPerHour, windowSeconds: 3600 }, ask: null, answer: null, comment: null, vote: null, flag: null },
});

export type TrustRateLimits = Record<TrustLevel, Record<TrustLimitedAction, { limit: number; windowSeconds: number } | null>>;

/** The trust-level limits an action counts against for this member: none for the exempt (employees, and moderators: the API decides). */
export function trustRateLimitsOf(
  limits: TrustRateLimits | typeof TRUST_RATE_LIMITS,
  action: string,
  level: TrustLevel,
  exempt: boolean,
): Array<{ name: string; limit: number; windowSeconds: number }> {
  if (exempt) return [];
  return (TRUST_LIMITED_BY[action] ?? []).flatMap((counted) => {
    const amount = limits[level][counted];
    return amount ? [{ name: `${counted}.${level.toLowerCase()}`, ...amount }] : [];
  });
}
