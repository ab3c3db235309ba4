import { DomainError } from './errors';
import { checkCloseReason, checkModerationReason, checkThreadTakesPosts, editReasonFor } from './thread-moderation';

function errorOf(action: () => void): DomainError | undefined {
  try {
    action();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  return undefined;
}

describe('thread moderation rules', () => {
  const locked = { lockedAt: new Date(0), lockReason: 'Spam magnet' };

  it('a locked thread refuses members and staff, not moderators', () => {
    expect(errorOf(() => checkThreadTakesPosts({ id: '1', role: 'MEMBER' }, locked))).toMatchObject({ code: 'CONFLICT', message: 'This question is locked: Spam magnet' });
    expect(errorOf(() => checkThreadTakesPosts({ id: '1', role: 'STAFF' }, locked))).toMatchObject({ code: 'CONFLICT' });
    expect(errorOf(() => checkThreadTakesPosts({ id: '1', role: 'MODERATOR' }, locked))).toBeUndefined();
    expect(errorOf(() => checkThreadTakesPosts({ id: '1', role: 'MEMBER' }, { lockedAt: null, lockReason: null }))).toBeUndefined();
  });

  it('reasons are required and bounded', () => {
    expect(checkModerationReason('  Off topic  ')).toBe('Off topic');
    expect(errorOf(() => checkModerationReason('  '))).toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ field: 'reason' }] });
    expect(errorOf(() => checkModerationReason('x'.repeat(501)))).toMatchObject({ code: 'VALIDATION_FAILED' });
  });

  it('close reasons: DUPLICATE goes through markDuplicate, OTHER needs a note', () => {
    expect(checkCloseReason('OFF_TOPIC', ' ')).toEqual({ reason: 'OFF_TOPIC', note: null });
    expect(errorOf(() => checkCloseReason('DUPLICATE', null))).toMatchObject({ fields: [{ field: 'reason' }] });
    expect(errorOf(() => checkCloseReason('OTHER', ''))).toMatchObject({ fields: [{ field: 'note' }] });
    expect(checkCloseReason('OTHER', ' Legal asked us to ')).toEqual({ reason: 'OTHER', note: 'Legal asked us to' });
  });

  it("editing someone else's post takes a reason; the author's own edit may skip it", () => {
    expect(editReasonFor({ id: 'a', role: 'MEMBER' }, { authorId: 'a' }, undefined)).toBeNull();
    expect(editReasonFor({ id: 'a', role: 'MEMBER' }, { authorId: 'a' }, ' typo ')).toBe('typo');
    expect(errorOf(() => editReasonFor({ id: 'm', role: 'MODERATOR' }, { authorId: 'a' }, ''))).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(editReasonFor({ id: 'm', role: 'MODERATOR' }, { authorId: 'a' }, 'Removed a phone number')).toBe('Removed a phone number');
  });
});
