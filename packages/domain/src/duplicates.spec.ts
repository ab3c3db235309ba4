import { checkDuplicateTarget } from './duplicates';
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
