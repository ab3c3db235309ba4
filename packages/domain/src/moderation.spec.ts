import {
  canSeeModeration, canSeePost, flagHideReason, flagOutcomeOf, flagsHidePost, flagWeight, holdsNewMemberPost, moderationNextStep,
  secondLookRefusal, validateFlag, validateReviewNote,
} from './moderation';

const author = { id: '1', role: 'MEMBER' } as const;
const other = { id: '2', role: 'MEMBER' } as const;
const moderator = { id: '3', role: 'MODERATOR' } as const;
const staff = { id: '4', role: 'STAFF' } as const;

describe('who sees a held or hidden post', () => {
  it('shows a visible post to everyone, a held or hidden one only to its author and the moderators', () => {
    for (const state of ['HELD', 'HIDDEN'] as const) {
      const post = { authorId: '1', moderationState: state };
      expect([null, author, other, moderator, staff].map((viewer) => canSeePost(viewer, post))).toEqual([false, true, false, true, false]);
    }
    expect([null, other].map((viewer) => canSeePost(viewer, { authorId: '1', moderationState: 'VISIBLE' }))).toEqual([true, true]);
  });

  it('tells the moderation state to the author and the moderators only', () => {
    expect([null, author, other, moderator].map((viewer) => canSeeModeration(viewer, { authorId: '1' }))).toEqual([false, true, false, true]);
  });
});

describe('the first-post hold', () => {
  const newMember = { role: 'MEMBER', trustLevel: 'NEW', isEmployee: false, priorPosts: 0 } as const;
  it("holds a NEW member's first posts, up to the configured count", () => {
    expect([0, 1, 2].map((priorPosts) => holdsNewMemberPost({ ...newMember, priorPosts }, 2))).toEqual([true, true, false]);
  });
  it('never holds with a count of 0, an employee, a moderator or a member past NEW', () => {
    expect(holdsNewMemberPost(newMember, 0)).toBe(false);
    expect(holdsNewMemberPost({ ...newMember, isEmployee: true }, 2)).toBe(false);
    expect(holdsNewMemberPost({ ...newMember, role: 'MODERATOR' }, 2)).toBe(false);
    expect(holdsNewMemberPost({ ...newMember, trustLevel: 'BASIC' }, 2)).toBe(false);
  });
});

describe('flags', () => {
  it('needs a note for OTHER, and a short one', () => {
    expect(validateFlag({ reason: 'OTHER', note: '  ' })).toEqual([{ field: 'note', message: expect.any(String) }]);
    expect(validateFlag({ reason: 'SPAM' })).toEqual([]);
    expect(validateFlag({ reason: 'SPAM', note: 'x'.repeat(501) })).toHaveLength(1);
  });
  it('weighs a flag by the trust level (an employee as a leader), and hides at the threshold', () => {
    expect([flagWeight('NEW', false), flagWeight('MEMBER', false), flagWeight('LEADER', false), flagWeight('NEW', true)]).toEqual([1, 2, 5, 5]);
    expect([flagsHidePost(2, 3), flagsHidePost(3, 3)]).toEqual([false, true]);
  });
  it('says why a flagged post is hidden', () => {
    expect(flagHideReason(['SPAM', 'OFFENSIVE', 'SPAM'])).toBe('Hidden after members flagged it (spam, offensive).');
  });
  it('declines the flags when a post is approved, upholds them otherwise', () => {
    expect(['APPROVE', 'HIDE', 'DELETE', 'SUSPEND_AUTHOR'].map((a) => flagOutcomeOf(a as never))).toEqual(['DECLINED', 'UPHELD', 'UPHELD', 'UPHELD']);
  });
});

describe('reviews', () => {
  it('needs a reason for every decision but approval', () => {
    expect(validateReviewNote('', 'APPROVE')).toEqual([]);
    expect(validateReviewNote(' ', 'HIDE')).toHaveLength(1);
  });
  it('allows one second look, after a decision to keep the post hidden', () => {
    const decided = { state: 'RESOLVED', decision: 'HIDE', secondLookRequestedAt: null } as const;
    expect(secondLookRefusal(decided)).toBeNull();
    expect(secondLookRefusal({ ...decided, secondLookRequestedAt: new Date() })).toMatch(/already/);
    expect(secondLookRefusal({ ...decided, state: 'OPEN' })).toMatch(/not decided/);
    expect(secondLookRefusal({ ...decided, decision: 'DELETE' })).toMatch(/deleted/);
  });
  it('tells the author what happens next', () => {
    expect(moderationNextStep('VISIBLE', { pending: false, secondLookRequested: false })).toBeNull();
    expect(moderationNextStep('HELD', { pending: true, secondLookRequested: false })).toMatch(/approves/);
    expect(moderationNextStep('HIDDEN', { pending: false, secondLookRequested: false })).toMatch(/second look once/);
  });
});
