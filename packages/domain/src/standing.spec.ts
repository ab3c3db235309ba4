import { CAPABILITIES, PARTICIPATION_CAPABILITIES, ROLES, type Role } from './roles';
import { suspensionRefusal, restrainRefusal, type RestrictionColumns, standingOf, suspensionMessage, validateRestriction } from './standing';

const now = new Date('2026-03-01T10:00:00Z');
const later = new Date('2026-03-12T14:00:00Z');
const free: RestrictionColumns = { suspendedUntil: null, suspensionReason: null, silencedUntil: null, silenceReason: null };

describe('standingOf', () => {
  it('is free of restrictions when none is stored', () => {
    expect(standingOf(free, now)).toEqual({ suspended: false, silenced: false, suspension: null, silence: null });
  });

  it('reads a suspension and a silence in force, with their reasons', () => {
    const user = { suspendedUntil: later, suspensionReason: 'Spam links', silencedUntil: later, silenceReason: 'Flame war' };
    expect(standingOf(user, now)).toEqual({
      suspended: true,
      silenced: true,
      suspension: { until: later, reason: 'Spam links' },
      silence: { until: later, reason: 'Flame war' },
    });
  });

  it('ends a restriction by itself at `until`', () => {
    const user = { ...free, suspendedUntil: later, suspensionReason: 'Spam links', silencedUntil: later, silenceReason: 'x' };
    expect(standingOf(user, new Date(later.getTime() - 1)).suspended).toBe(true);
    expect(standingOf(user, later)).toEqual({ suspended: false, silenced: false, suspension: null, silence: null });
  });
});

describe('suspensionRefusal', () => {
  const suspended = { ...free, suspendedUntil: later, suspensionReason: 'Spam links.' };

  it('refuses every participation capability while suspended, saying until when and why', () => {
    for (const capability of PARTICIPATION_CAPABILITIES) {
      expect(suspensionRefusal(suspended, capability, now)).toBe(
        'Your account is suspended until Thu, 12 Mar 2026, 14:00 UTC: Spam links. You can still read and sign in, but not post, vote or flag until then.',
      );
    }
  });

  it("refuses a role's tools too (a suspended moderator cannot moderate), and nothing once the suspension is over", () => {
    for (const capability of CAPABILITIES.filter((c) => !PARTICIPATION_CAPABILITIES.includes(c))) {
      expect(suspensionRefusal(suspended, capability, now)).toBe(
        'Your account is suspended until Thu, 12 Mar 2026, 14:00 UTC: Spam links. You can still read and sign in, but not post, vote or flag until then. '
          + "Your role's tools (moderating, managing users and the rest) are closed to you until then too.",
      );
      expect(suspensionRefusal(suspended, capability, later)).toBeNull();
    }
    expect(suspensionRefusal(suspended, 'post_answer', later)).toBeNull();
  });

  it('does not refuse a silenced member: their posts are held instead', () => {
    expect(suspensionRefusal({ ...free, silencedUntil: later, silenceReason: 'x' }, 'post_answer', now)).toBeNull();
  });

  it('builds its message from the suspension', () => {
    expect(suspensionMessage({ until: later, reason: 'Abuse.' })).toContain('until Thu, 12 Mar 2026, 14:00 UTC: Abuse.');
  });
});

describe('restrainRefusal (who may suspend or silence whom)', () => {
  const actor = (role: Role, id = 'a') => ({ id, role });
  const target = (role: Role, id = 't') => ({ id, role });

  it('lets a moderator restrain a member, and nobody else', () => {
    expect(restrainRefusal(actor('MODERATOR'), target('MEMBER'))).toBeNull();
    for (const role of ROLES.filter((r) => r !== 'MEMBER')) expect([role, restrainRefusal(actor('MODERATOR'), target(role))]).toEqual([role, expect.any(String)]);
    expect(restrainRefusal(actor('MODERATOR'), target('MODERATOR'))).toBe('Only an admin can suspend or silence a moderator.');
  });

  it('lets an admin restrain anyone but an admin', () => {
    for (const role of ['MEMBER', 'MODERATOR', 'STAFF', 'MANAGER'] as const) expect(restrainRefusal(actor('ADMIN'), target(role))).toBeNull();
    expect(restrainRefusal(actor('ADMIN'), target('ADMIN'))).toBe("An admin can't be suspended or silenced; another admin must change their role first.");
  });

  it('never lets anyone restrain themself', () => {
    expect(restrainRefusal(actor('ADMIN', 'x'), target('MEMBER', 'x'))).toBe("You can't suspend or silence yourself.");
    expect(restrainRefusal(actor('MODERATOR', 'x'), target('MODERATOR', 'x'))).toBe("You can't suspend or silence yourself.");
  });
});

describe('validateRestriction', () => {
  it('accepts an end in the future and a reason', () => {
    expect(validateRestriction({ until: later, reason: 'Spam links' }, now)).toEqual([]);
  });

  it('refuses an end that is not in the future, and a missing or overlong reason', () => {
    expect(validateRestriction({ until: now, reason: '' }, now).map((e) => e.field)).toEqual(['until', 'reason']);
    expect(validateRestriction({ until: new Date('nope'), reason: 'x'.repeat(501) }, now).map((e) => e.field)).toEqual(['until', 'reason']);
  });
});
