import { addWallClockHours } from './business-hours';
import { type Affiliation, can, type Role } from './roles';

export const ESCALATION_REASONS = ['UNANSWERED_TIMEOUT', 'UNSOLVED_TIMEOUT', 'MODERATOR', 'ASKER_REQUEST'] as const;
export type EscalationReason = typeof ESCALATION_REASONS[number];

/** The triggers the sweep fires by itself, each at most once per question. */
export type TimeoutReason = Extract<EscalationReason, 'UNANSWERED_TIMEOUT' | 'UNSOLVED_TIMEOUT'>;

export interface PeerWindowPolicy {
  peerWindowHours: number;
  unsolvedWindowHours: number;
  /** A shorter peer window for a member's first question; null when the category has no fast lane. */
  fastLanePeerWindowHours: number | null;
}

export interface CommunityClockFacts {
  askedAt: Date;
  isFirstQuestion: boolean;
  hasPeerAnswer: boolean;
  hasAcceptedAnswer: boolean;
  /** SOLVED: an accepted answer, or our team resolved it in a private conversation; nobody needs to step in. */
  isSolved: boolean;
  /** Staff already have it: the community clock stops. */
  hasOpenEscalation: boolean;
  /** A closed (CLOSED status) thread needs nobody. */
  isClosed: boolean;
  /**
   * Imported from another platform (a Stack Exchange dump): history, whose clock never starts, even when someone
   * posts on it here later. Staff still get it when the asker asks or a moderator escalates it.
   */
  isImported: boolean;
  /** Timeout triggers that already escalated this question once. */
  firedTriggers: readonly TimeoutReason[];
}

export interface CommunityDeadline {
  dueAt: Date;
  trigger: TimeoutReason;
}

/** The peer window that applies to a question: the fast lane for a member's first question, if the category has one. */
export function peerWindowHoursFor(policy: PeerWindowPolicy, isFirstQuestion: boolean): number {
  return isFirstQuestion && policy.fastLanePeerWindowHours !== null ? policy.fastLanePeerWindowHours : policy.peerWindowHours;
}

/**
 * When the community's time runs out and which trigger fires then, on the wall clock from asking:
 * no peer answer within the peer window → UNANSWERED_TIMEOUT; peer answers but none accepted within
 * the unsolved window → UNSOLVED_TIMEOUT. Staff answers never count as peer help. Null: nothing is due (always for
 * imported history).
 */
export function communityDeadline(policy: PeerWindowPolicy, facts: CommunityClockFacts): CommunityDeadline | null {
  if (facts.isImported || facts.hasAcceptedAnswer || facts.isSolved || facts.hasOpenEscalation || facts.isClosed) return null;
  const fired = new Set(facts.firedTriggers);
  if (!facts.hasPeerAnswer && !fired.has('UNANSWERED_TIMEOUT')) {
    return { dueAt: addWallClockHours(facts.askedAt, peerWindowHoursFor(policy, facts.isFirstQuestion)), trigger: 'UNANSWERED_TIMEOUT' };
  }
  if (facts.hasPeerAnswer && !fired.has('UNSOLVED_TIMEOUT')) {
    return { dueAt: addWallClockHours(facts.askedAt, policy.unsolvedWindowHours), trigger: 'UNSOLVED_TIMEOUT' };
  }
  return null;
}

/** The asker may call for staff once the peer window has passed without an accepted answer. */
export function askerMayRequestStaff(policy: PeerWindowPolicy, facts: Pick<CommunityClockFacts, 'askedAt' | 'isFirstQuestion' | 'hasAcceptedAnswer'>, now: Date): boolean {
  return !facts.hasAcceptedAnswer && now >= addWallClockHours(facts.askedAt, peerWindowHoursFor(policy, facts.isFirstQuestion));
}

/** SOLVED: solved without an accepted answer (our team resolved it privately); the thread machine refuses escalating it, as an accepted one. */
export const STAFF_HELP_REFUSALS = ['PEER_WINDOW_OPEN', 'ANSWER_ACCEPTED', 'SOLVED', 'ALREADY_WITH_STAFF', 'CLOSED'] as const;
export type StaffHelpRefusal = typeof STAFF_HELP_REFUSALS[number];

export interface StaffHelp {
  allowed: boolean;
  /** Why not; null when allowed. */
  refusal: StaffHelpRefusal | null;
  /** The peer window that applies to this question, for "the community gets N hours". */
  peerWindowHours: number;
  /** When the peer window ends: the asker may ask from then, unless something else refuses. Null once nothing will change by waiting. */
  availableAt: Date | null;
}

/**
 * What the asker's "request staff help" offers now, and why not: the asker's page shows it, and the
 * request itself is refused by the same answer (askerMayRequestStaff is its time rule).
 */
export function staffHelpFor(
  policy: PeerWindowPolicy,
  facts: Pick<CommunityClockFacts, 'askedAt' | 'isFirstQuestion' | 'hasAcceptedAnswer' | 'isSolved' | 'hasOpenEscalation' | 'isClosed'>,
  now: Date,
): StaffHelp {
  const peerWindowHours = peerWindowHoursFor(policy, facts.isFirstQuestion);
  const refused = (refusal: StaffHelpRefusal, availableAt: Date | null = null): StaffHelp => ({ allowed: false, refusal, peerWindowHours, availableAt });
  if (facts.isClosed) return refused('CLOSED');
  if (facts.hasAcceptedAnswer) return refused('ANSWER_ACCEPTED');
  if (facts.isSolved) return refused('SOLVED');
  if (facts.hasOpenEscalation) return refused('ALREADY_WITH_STAFF');
  if (!askerMayRequestStaff(policy, facts, now)) return refused('PEER_WINDOW_OPEN', addWallClockHours(facts.askedAt, peerWindowHours));
  return { allowed: true, refusal: null, peerWindowHours, availableAt: null };
}

export const STAFF_QUEUE_STATES = ['WAITING', 'ASSIGNED', 'NEEDS_INFO', 'BREACHED'] as const;
export type StaffQueueState = typeof STAFF_QUEUE_STATES[number];

/**
 * Where an open escalation stands in the staff queue; waiting on the asker outranks everything, then a breach. The one
 * rule: the displayed state comes from it, and the staff queue's filter by state is made from it
 * (apps/api/src/escalation/staff-queue.repository.ts), which is why it reads only whether each field is set.
 */
export function staffQueueState(escalation: { assigneeId: string | null; pausedSince: Date | null; breachedAt: Date | null }): StaffQueueState {
  if (escalation.pausedSince) return 'NEEDS_INFO';
  if (escalation.breachedAt) return 'BREACHED';
  return escalation.assigneeId ? 'ASSIGNED' : 'WAITING';
}

/** A staff response after the deadline is a breach; so is a deadline that passes with none. */
export function isLateResponse(staffDueAt: Date | null, respondedAt: Date): boolean {
  return staffDueAt !== null && respondedAt > staffDueAt;
}

/**
 * Who may read what staff asked the asker (the needs-info note): the asker, whom it is addressed to, and employees
 * who work the staff queue. It may concern the asker's account, so volunteer moderators and other members do not.
 */
export function mayReadNeedsInfo(viewer: { id: string; role: Role; affiliation: Affiliation } | null, askerId: string): boolean {
  if (!viewer) return false;
  return viewer.id === askerId || (viewer.affiliation === 'EMPLOYEE' && can(viewer.role, 'view_staff_queue'));
}

/** Who may be on a category's staff team: employees who can handle escalations. */
export function mayJoinStaffTeam(user: { role: Role; affiliation: Affiliation }): boolean {
  return user.affiliation === 'EMPLOYEE' && can(user.role, 'handle_escalation');
}
