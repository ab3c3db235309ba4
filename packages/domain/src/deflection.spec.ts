import { acceptedAnswerRate, classifyOutcomeOracle, emptyOutcomeCounts, type OutcomeFacts, peerDeflectionRate, rate } from './deflection';

const t = (minute: number) => new Date(Date.UTC(2025, 0, 1, 0, minute));
const base: OutcomeFacts = { askerId: 'asker', accepted: null, firstEscalatedAt: null, liveAnswers: { peer: 0, staff: 0 }, privatelyResolvedAt: null };
const accepted = (answerAuthorId: string, authorKind: 'PEER' | 'STAFF', minute = 10) => ({ answerAuthorId, authorKind, acceptedAt: t(minute) });

describe('classifyOutcomeOracle', () => {
  it('nothing answered is UNANSWERED', () => {
    expect(classifyOutcomeOracle(base)).toBe('UNANSWERED');
  });

  it('unsolved with peer answers only, or with any staff answer', () => {
    expect(classifyOutcomeOracle({ ...base, liveAnswers: { peer: 2, staff: 0 } })).toBe('ANSWERED_UNSOLVED_PEER_ONLY');
    expect(classifyOutcomeOracle({ ...base, liveAnswers: { peer: 2, staff: 1 } })).toBe('ANSWERED_UNSOLVED_STAFF');
    expect(classifyOutcomeOracle({ ...base, liveAnswers: { peer: 0, staff: 1 } })).toBe('ANSWERED_UNSOLVED_STAFF');
  });

  it('an accepted peer answer never escalated is PEER_SOLVED', () => {
    expect(classifyOutcomeOracle({ ...base, accepted: accepted('peer', 'PEER'), liveAnswers: { peer: 1, staff: 3 } })).toBe('PEER_SOLVED');
  });

  it('escalated before the acceptance is PEER_SOLVED_AFTER_ESCALATION; escalated after it (or at the same instant) is still PEER_SOLVED', () => {
    expect(classifyOutcomeOracle({ ...base, accepted: accepted('peer', 'PEER', 10), firstEscalatedAt: t(9) })).toBe('PEER_SOLVED_AFTER_ESCALATION');
    expect(classifyOutcomeOracle({ ...base, accepted: accepted('peer', 'PEER', 10), firstEscalatedAt: t(10) })).toBe('PEER_SOLVED');
    expect(classifyOutcomeOracle({ ...base, accepted: accepted('peer', 'PEER', 10), firstEscalatedAt: t(11) })).toBe('PEER_SOLVED');
  });

  it('an accepted staff answer is STAFF_SOLVED, escalated or not', () => {
    expect(classifyOutcomeOracle({ ...base, accepted: accepted('staff', 'STAFF') })).toBe('STAFF_SOLVED');
    expect(classifyOutcomeOracle({ ...base, accepted: accepted('staff', 'STAFF'), firstEscalatedAt: t(1) })).toBe('STAFF_SOLVED');
  });

  it('a private resolution is STAFF_SOLVED_PRIVATELY, unless an answer is accepted (the public record wins)', () => {
    expect(classifyOutcomeOracle({ ...base, privatelyResolvedAt: t(5), liveAnswers: { peer: 2, staff: 1 } })).toBe('STAFF_SOLVED_PRIVATELY');
    expect(classifyOutcomeOracle({ ...base, privatelyResolvedAt: t(5), accepted: accepted('peer', 'PEER', 10) })).toBe('PEER_SOLVED');
    expect(classifyOutcomeOracle({ ...base, privatelyResolvedAt: t(5), accepted: accepted('staff', 'STAFF', 1) })).toBe('STAFF_SOLVED');
  });

  it("the asker's own accepted answer is SELF_SOLVED before any peer or staff check", () => {
    expect(classifyOutcomeOracle({ ...base, accepted: accepted('asker', 'PEER') })).toBe('SELF_SOLVED');
    expect(classifyOutcomeOracle({ ...base, accepted: accepted('asker', 'STAFF'), firstEscalatedAt: t(1) })).toBe('SELF_SOLVED');
  });
});

describe('rates', () => {
  it('keeps numerator and denominator, and has no value without a denominator', () => {
    expect(rate(1, 4)).toEqual({ numerator: 1, denominator: 4, value: 0.25 });
    expect(rate(0, 0)).toEqual({ numerator: 0, denominator: 0, value: null });
  });

  it('peer deflection counts PEER_SOLVED only; accepted answers count every solved outcome', () => {
    const counts = { ...emptyOutcomeCounts(), PEER_SOLVED: 2, PEER_SOLVED_AFTER_ESCALATION: 1, STAFF_SOLVED: 1, SELF_SOLVED: 1, UNANSWERED: 5 };
    expect(peerDeflectionRate(counts, 10)).toEqual({ numerator: 2, denominator: 10, value: 0.2 });
    expect(acceptedAnswerRate(counts, 10)).toEqual({ numerator: 5, denominator: 10, value: 0.5 });
  });
});
