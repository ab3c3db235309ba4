import { AUDIT_ACTION_NAMES, AUDIT_ACTIONS, AUDIT_TARGET_TYPES, describeAuditEntry, isAuditAction } from './audit-actions';

describe('AUDIT_ACTIONS', () => {
  it('names every action in UPPER_SNAKE, each acting on a known kind of target', () => {
    for (const name of AUDIT_ACTION_NAMES) {
      expect([name, /^[A-Z]+(_[A-Z]+)*$/.test(name)]).toEqual([name, true]);
      for (const target of AUDIT_ACTIONS[name].targets) expect(AUDIT_TARGET_TYPES).toContain(target);
    }
  });

  it('knows its own names and nothing else', () => {
    expect(isAuditAction('USER_ROLE_CHANGED')).toBe(true);
    expect(isAuditAction('user.role_changed')).toBe(false);
    expect(isAuditAction('toString')).toBe(false);
  });
});

describe('describeAuditEntry', () => {
  it('reads as a sentence, with the reason after a colon', () => {
    expect(describeAuditEntry({ actorName: 'Fergal', action: 'QUESTION_MARKED_DUPLICATE', targetType: 'QUESTION', targetId: '42', reason: ' same fault ' }))
      .toBe('Fergal marked as a duplicate question 42: same fault');
    expect(describeAuditEntry({ actorName: 'Ana', action: 'ANNOUNCEMENT_CLEARED', targetType: 'ANNOUNCEMENT', targetId: '1', reason: null }))
      .toBe('Ana took down the announcement');
  });

  it('still reads for an action this version does not know, and without an actor', () => {
    expect(describeAuditEntry({ actorName: null, action: 'SOMETHING_NEW', targetType: 'POLL', targetId: '3', reason: '' }))
      .toBe('The system did SOMETHING_NEW to poll 3');
  });
});
