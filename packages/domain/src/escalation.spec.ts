import {
  askerMayRequestStaff, communityDeadline, CommunityClockFacts, isLateResponse, mayJoinStaffTeam, mayReadNeedsInfo, PeerWindowPolicy, staffHelpFor,
  staffQueueState,
} from './escalation';

const policy: PeerWindowPolicy = { peerWindowHours: 24, unsolvedWindowHours: 72, fastLanePeerWindowHours: null };
const askedAt = new Date('2026-03-02T10:00:00.000Z');
const facts = (overrides: Partial<CommunityClockFacts> = {}): CommunityClockFacts => ({
  askedAt, isFirstQuestion: false, hasPeerAnswer: false, hasAcceptedAnswer: false, isSolved: false, hasOpenEscalation: false, isClosed: false, isImported: false, firedTriggers: [], ...overrides,
});

describe('communityDeadline', () => {
  it('gives an unanswered question the peer window', () => {
    expect(communityDeadline(policy, facts())).toEqual({ dueAt: new Date('2026-03-03T10:00:00.000Z'), trigger: 'UNANSWERED_TIMEOUT' });
  });

  it("uses the fast lane only for a member's first question, and only when the category has one", () => {
    const fastLane = { ...policy, fastLanePeerWindowHours: 4 };
    expect(communityDeadline(fastLane, facts({ isFirstQuestion: true }))?.dueAt).toEqual(new Date('2026-03-02T14:00:00.000Z'));
    expect(communityDeadline(fastLane, facts())?.dueAt).toEqual(new Date('2026-03-03T10:00:00.000Z'));
    expect(communityDeadline(policy, facts({ isFirstQuestion: true }))?.dueAt).toEqual(new Date('2026-03-03T10:00:00.000Z'));
  });

  it('switches to the unsolved window once a peer has answered', () => {
    expect(communityDeadline(policy, facts({ hasPeerAnswer: true }))).toEqual({ dueAt: new Date('2026-03-05T10:00:00.000Z'), trigger: 'UNSOLVED_TIMEOUT' });
  });

  it('fires each trigger at most once', () => {
    expect(communityDeadline(policy, facts({ firedTriggers: ['UNANSWERED_TIMEOUT'] }))).toBeNull();
    expect(communityDeadline(policy, facts({ hasPeerAnswer: true, firedTriggers: ['UNSOLVED_TIMEOUT'] }))).toBeNull();
    expect(communityDeadline(policy, facts({ hasPeerAnswer: true, firedTriggers: ['UNANSWERED_TIMEOUT'] }))?.trigger).toBe('UNSOLVED_TIMEOUT');
  });

  it('stops while solved, escalated or closed', () => {
    expect(communityDeadline(policy, facts({ hasAcceptedAnswer: true }))).toBeNull();
    expect(communityDeadline(policy, facts({ hasPeerAnswer: true, isSolved: true }))).toBeNull();
    expect(communityDeadline(policy, facts({ hasOpenEscalation: true }))).toBeNull();
    expect(communityDeadline(policy, facts({ isClosed: true }))).toBeNull();
  });

  it('never starts for imported history, answered here or not', () => {
    expect(communityDeadline(policy, facts({ isImported: true }))).toBeNull();
    expect(communityDeadline(policy, facts({ isImported: true, hasPeerAnswer: true }))).toBeNull();
  });
});

describe('askerMayRequestStaff', () => {
  it('waits for the peer window to pass without an accepted answer', () => {
    const f = { askedAt, isFirstQuestion: false, hasAcceptedAnswer: false };
    expect(askerMayRequestStaff(policy, f, new Date('2026-03-03T09:59:59.999Z'))).toBe(false);
    expect(askerMayRequestStaff(policy, f, new Date('2026-03-03T10:00:00.000Z'))).toBe(true);
    expect(askerMayRequestStaff(policy, { ...f, hasAcceptedAnswer: true }, new Date('2026-03-09T00:00:00.000Z'))).toBe(false);
  });
});

describe('staffHelpFor', () => {
  const f = { askedAt, isFirstQuestion: false, hasAcceptedAnswer: false, isSolved: false, hasOpenEscalation: false, isClosed: false };
  const later = new Date('2026-03-09T00:00:00.000Z');

  it('says when the peer window ends while it is open, and allows the request after it', () => {
    expect(staffHelpFor(policy, f, new Date('2026-03-03T09:59:59.999Z')))
      .toEqual({ allowed: false, refusal: 'PEER_WINDOW_OPEN', peerWindowHours: 24, availableAt: new Date('2026-03-03T10:00:00.000Z') });
    expect(staffHelpFor(policy, f, new Date('2026-03-03T10:00:00.000Z'))).toEqual({ allowed: true, refusal: null, peerWindowHours: 24, availableAt: null });
  });

  it('uses the fast lane for a first question', () => {
    expect(staffHelpFor({ ...policy, fastLanePeerWindowHours: 4 }, { ...f, isFirstQuestion: true }, askedAt).availableAt).toEqual(new Date('2026-03-02T14:00:00.000Z'));
  });

  it('refuses, with no date, once waiting changes nothing', () => {
    expect(staffHelpFor(policy, { ...f, hasAcceptedAnswer: true }, later)).toMatchObject({ allowed: false, refusal: 'ANSWER_ACCEPTED', availableAt: null });
    expect(staffHelpFor(policy, { ...f, isSolved: true }, later)).toMatchObject({ allowed: false, refusal: 'SOLVED', availableAt: null });
    expect(staffHelpFor(policy, { ...f, hasOpenEscalation: true }, later)).toMatchObject({ allowed: false, refusal: 'ALREADY_WITH_STAFF', availableAt: null });
    expect(staffHelpFor(policy, { ...f, isClosed: true }, later)).toMatchObject({ allowed: false, refusal: 'CLOSED', availableAt: null });
  });
});

describe('staffQueueState', () => {
  const at = new Date();
  it('ranks waiting on the asker first, then a breach, then assignment', () => {
    expect(staffQueueState({ assigneeId: null, pausedSince: null, breachedAt: null })).toBe('WAITING');
    expect(staffQueueState({ assigneeId: '7', pausedSince: null, breachedAt: null })).toBe('ASSIGNED');
    expect(staffQueueState({ assigneeId: '7', pausedSince: null, breachedAt: at })).toBe('BREACHED');
    expect(staffQueueState({ assigneeId: '7', pausedSince: at, breachedAt: at })).toBe('NEEDS_INFO');
  });
});

describe('isLateResponse', () => {
  it('is late only strictly after the deadline, and never while the clock is stopped', () => {
    const due = new Date('2026-03-02T14:00:00.000Z');
    expect(isLateResponse(due, due)).toBe(false);
    expect(isLateResponse(due, new Date('2026-03-02T14:00:00.001Z'))).toBe(true);
    expect(isLateResponse(null, new Date())).toBe(false);
  });
});

describe('mayReadNeedsInfo', () => {
  const asker = '7';
  it('lets the asker and employees who work the queue read it, and nobody else', () => {
    expect(mayReadNeedsInfo({ id: asker, role: 'MEMBER', affiliation: 'COMMUNITY' }, asker)).toBe(true);
    expect(mayReadNeedsInfo({ id: '1', role: 'STAFF', affiliation: 'EMPLOYEE' }, asker)).toBe(true);
    expect(mayReadNeedsInfo({ id: '2', role: 'MODERATOR', affiliation: 'EMPLOYEE' }, asker)).toBe(true);
    expect(mayReadNeedsInfo({ id: '3', role: 'MODERATOR', affiliation: 'COMMUNITY' }, asker)).toBe(false);
    expect(mayReadNeedsInfo({ id: '4', role: 'MEMBER', affiliation: 'EMPLOYEE' }, asker)).toBe(false);
    expect(mayReadNeedsInfo({ id: '5', role: 'MEMBER', affiliation: 'COMMUNITY' }, asker)).toBe(false);
    expect(mayReadNeedsInfo(null, asker)).toBe(false);
  });
});

describe('mayJoinStaffTeam', () => {
  it('takes employees who handle escalations only', () => {
    expect(mayJoinStaffTeam({ role: 'STAFF', affiliation: 'EMPLOYEE' })).toBe(true);
    expect(mayJoinStaffTeam({ role: 'ADMIN', affiliation: 'EMPLOYEE' })).toBe(true);
    expect(mayJoinStaffTeam({ role: 'STAFF', affiliation: 'COMMUNITY' })).toBe(false);
    expect(mayJoinStaffTeam({ role: 'MANAGER', affiliation: 'EMPLOYEE' })).toBe(false);
    expect(mayJoinStaffTeam({ role: 'MODERATOR', affiliation: 'EMPLOYEE' })).toBe(false);
  });
});
