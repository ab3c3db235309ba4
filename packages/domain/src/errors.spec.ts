import {
  assertValid,
  conflict,
  DomainError,
  forbidden,
  notFound,
  rateLimited,
  unauthenticated,
  validationFailed,
} from './errors';

describe('DomainError', () => {
  it('is an Error carrying a code and a message', () => {
    const error = new DomainError('NOT_FOUND', 'No such question.');
    expect(error).toBeInstanceOf(Error);
    expect(error.code).toBe('NOT_FOUND');
    expect(error.message).toBe('No such question.');
    expect(error.name).toBe('DomainError');
    expect(error.fields).toBeUndefined();
  });

  it.each([
    ['unauthenticated', unauthenticated, 'UNAUTHENTICATED'],
    ['forbidden', forbidden, 'FORBIDDEN'],
    ['notFound', notFound, 'NOT_FOUND'],
    ['conflict', conflict, 'CONFLICT'],
    ['rateLimited', rateLimited, 'RATE_LIMITED'],
  ] as const)('%s builds a %s error with the given message', (_name, factory, code) => {
    const error = factory('Explained.');
    expect(error).toBeInstanceOf(DomainError);
    expect(error.code).toBe(code);
    expect(error.message).toBe('Explained.');
  });
});

describe('validationFailed', () => {
  it('names each offending field once, in order, and keeps the details', () => {
    const fields = [
      { field: 'title', message: 'Title is required.' },
      { field: 'tags', message: 'Tag "a" is too short.' },
      { field: 'tags', message: 'Tag "b" is too short.' },
      { field: 'body', message: 'Question is required.' },
    ];
    const error = validationFailed(fields);
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.message).toBe('Please correct: title, tags, body.');
    expect(error.fields).toEqual(fields);
  });
});

describe('assertValid', () => {
  it('passes when nothing was reported', () => {
    expect(() => assertValid([])).not.toThrow();
  });

  it('throws VALIDATION_FAILED with the reported fields', () => {
    const fields = [{ field: 'email', message: 'Email is required.' }];
    expect(() => assertValid(fields)).toThrow(
      expect.objectContaining({ code: 'VALIDATION_FAILED', message: 'Please correct: email.', fields }),
    );
  });
});
