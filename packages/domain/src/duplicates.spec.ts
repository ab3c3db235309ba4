import { checkCanCloseDuplicates, checkDuplicateTarget } from './duplicates';
import type { Affiliation, Role } from './roles';
import type { TrustLevel } from './trust-levels';
import { DomainError } from './errors';

function codeOf(fn: () => void): string | null {
  try {
    fn();
    return null;
  } catch (error) {
    return (error as DomainError).code;
  }
}

describe('checkDuplicateTarget', () => {
  it('accepts a live original that is not a duplicate', () => {
    expect(codeOf(() => checkDuplicateTarget('1', { id: '2', deleted: false, duplicateOf: null }))).toBeNull();
  });
  it('refuses the question itself', () => {
    expect(codeOf(() => checkDuplicateTarget('1', { id: '1', deleted: false, duplicateOf: null }))).toBe('VALIDATION_FAILED');
  });
  it('refuses a removed original', () => {
    expect(codeOf(() => checkDuplicateTarget('1', { id: '2', deleted: true, duplicateOf: null }))).toBe('VALIDATION_FAILED');
  });
  it('refuses an original that is itself a duplicate, naming its root', () => {
    expect(() => checkDuplicateTarget('1', { id: '2', deleted: false, duplicateOf: '3' })).toThrow(/duplicate of question 3/);
  });
});

describe('checkCanCloseDuplicates', () => {
  const now = new Date('2026-03-01T12:00:00Z');
  const free = { suspendedUntil: null, suspensionReason: null, silencedUntil: null, silenceReason: null };
  const actor = (trustLevel: TrustLevel, role: Role = 'MEMBER', affiliation: Affiliation = 'COMMUNITY') => ({ role, trustLevel, affiliation, ...free });

  it('lets moderators and admins, whatever their level', () => {
    expect(codeOf(() => checkCanCloseDuplicates(actor('NEW', 'MODERATOR'), now))).toBeNull();
    expect(codeOf(() => checkCanCloseDuplicates(actor('NEW', 'ADMIN', 'EMPLOYEE'), now))).toBeNull();
  });

  it('lets a LEADER (employee or not), refuses every other level: the employee exemption grants no moderation', () => {
    expect(codeOf(() => checkCanCloseDuplicates(actor('LEADER'), now))).toBeNull();
    expect(codeOf(() => checkCanCloseDuplicates(actor('LEADER', 'STAFF', 'EMPLOYEE'), now))).toBeNull();
    expect(codeOf(() => checkCanCloseDuplicates(actor('MEMBER', 'STAFF', 'EMPLOYEE'), now))).toBe('FORBIDDEN');
    for (const level of ['NEW', 'BASIC', 'MEMBER', 'REGULAR'] as const) {
      expect(() => checkCanCloseDuplicates(actor(level), now)).toThrow(expect.objectContaining({ code: 'FORBIDDEN', message: expect.stringContaining('leaders') }));
    }
  });

  it('refuses a suspended LEADER, saying why', () => {
    const suspended = { ...actor('LEADER'), suspendedUntil: new Date('2026-03-02T00:00:00Z'), suspensionReason: 'Closing in bulk.' };
    expect(() => checkCanCloseDuplicates(suspended, now)).toThrow(expect.objectContaining({ code: 'FORBIDDEN', message: expect.stringContaining('Closing in bulk.') }));
    expect(codeOf(() => checkCanCloseDuplicates({ ...suspended, suspendedUntil: now }, now))).toBeNull();
  });
});
