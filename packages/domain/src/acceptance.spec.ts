import { DomainError } from './errors';
import { checkCanAccept, checkCanUnaccept } from './acceptance';
import type { Role } from './roles';
import type { ThreadStatus } from './thread-status';

const now = new Date('2026-03-01T12:00:00Z');
const free = { suspendedUntil: null, suspensionReason: null, silencedUntil: null, silenceReason: null };
const asker = { id: 'asker', role: 'MEMBER', ...free } as const;
const question = { id: 'q1', authorId: 'asker', status: 'ANSWERED' as ThreadStatus };
const answer = { questionId: 'q1', deletedAt: null };

function errorOf(action: () => void): DomainError | undefined {
  try {
    action();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  return undefined;
}

describe('checkCanAccept', () => {
  it('lets the asker accept', () => {
    expect(errorOf(() => checkCanAccept(asker, question, answer, now))).toBeUndefined();
  });

  it.each<Role>(['MODERATOR', 'ADMIN'])('lets a %s accept on anyone’s question', (role) => {
    expect(errorOf(() => checkCanAccept({ id: 'other', role, ...free }, question, answer, now))).toBeUndefined();
  });

  it.each<Role>(['MEMBER', 'STAFF', 'MANAGER'])('forbids a %s who did not ask', (role) => {
    expect(errorOf(() => checkCanAccept({ id: 'other', role, ...free }, question, answer, now))).toMatchObject({
      code: 'FORBIDDEN',
      message: 'Only the person who asked, or a moderator, can accept an answer.',
    });
  });

  it.each<ThreadStatus>(['ANSWERED', 'SOLVED', 'ESCALATED'])('allows accepting on a %s question', (status) => {
    expect(errorOf(() => checkCanAccept(asker, { ...question, status }, answer, now))).toBeUndefined();
  });

  it('refuses on a closed question', () => {
    expect(errorOf(() => checkCanAccept(asker, { ...question, status: 'CLOSED' }, answer, now))).toMatchObject({
      code: 'CONFLICT',
      message: 'This question is closed; reopen it before you accept an answer.',
    });
  });

  it('refuses a deleted answer', () => {
    expect(errorOf(() => checkCanAccept(asker, question, { ...answer, deletedAt: new Date(0) }, now))).toMatchObject({
      code: 'NOT_FOUND',
      message: 'That answer has been deleted.',
    });
  });

  it('refuses an answer from another question', () => {
    expect(errorOf(() => checkCanAccept(asker, question, { ...answer, questionId: 'q2' }, now))).toMatchObject({
      code: 'NOT_FOUND',
      message: "That answer isn't on this question.",
    });
  });
});

describe('checkCanUnaccept', () => {
  it('lets the asker or a moderator withdraw', () => {
    expect(errorOf(() => checkCanUnaccept(asker, question, now))).toBeUndefined();
    expect(errorOf(() => checkCanUnaccept({ id: 'm', role: 'MODERATOR', ...free }, question, now))).toBeUndefined();
  });

  it('forbids anyone else', () => {
    expect(errorOf(() => checkCanUnaccept({ id: 'other', role: 'STAFF', ...free }, question, now))).toMatchObject({
      code: 'FORBIDDEN',
      message: 'Only the person who asked, or a moderator, can withdraw the accepted answer.',
    });
  });

  it('refuses on a closed question', () => {
    expect(errorOf(() => checkCanUnaccept(asker, { ...question, status: 'CLOSED' }, now))).toMatchObject({
      code: 'CONFLICT',
      message: 'This question is closed; reopen it before you withdraw the accepted answer.',
    });
  });
});

describe('acceptance on a locked question', () => {
  const locked = { ...question, lockedAt: new Date(0), lockReason: 'Heated thread' };

  it('refuses the asker, saying why (Discourse: a closed topic’s author cannot accept)', () => {
    expect(errorOf(() => checkCanAccept(asker, locked, answer, now))).toMatchObject({ code: 'CONFLICT', message: 'This question is locked: Heated thread' });
    expect(errorOf(() => checkCanUnaccept(asker, locked, now))).toMatchObject({ code: 'CONFLICT' });
  });

  it('still lets a moderator accept', () => {
    expect(errorOf(() => checkCanAccept({ id: 'mod', role: 'MODERATOR', ...free }, locked, answer, now))).toBeUndefined();
  });
});
