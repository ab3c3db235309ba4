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

/** An employee's allowance: no newcomer limits, whatever the level on their account. */
export const EMPLOYEE_ALLOWANCE: TrustAllowance = TRUST_ALLOWANCES.LEADER;

export function allowanceOf(level: TrustLevel, isEmployee: boolean): TrustAllowance {
  return isEmployee ? EMPLOYEE_ALLOWANCE : TRUST_ALLOWANCES[level];
}
