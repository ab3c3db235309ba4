import { positional } from './named-parameters';

describe('positional: named parameters for pg', () => {
  it('numbers names in order of first use, once per name', () => {
    expect(positional('SELECT :b, :a, :b', { a: 1, b: 2 })).toEqual(['SELECT $1, $2, $1', [2, 1]]);
  });

  it('leaves casts, quoted text, quoted identifiers and comments alone', () => {
    const text = `SELECT :id::bigint, 'at 12:30 :x', "col:y", to_char(now(), 'HH24:MI') -- note :z\nFROM t WHERE a = :a`;
    expect(positional(text, { id: '7', a: true })).toEqual([
      `SELECT $1::bigint, 'at 12:30 :x', "col:y", to_char(now(), 'HH24:MI') -- note :z\nFROM t WHERE a = $2`, ['7', true],
    ]);
  });

  it('refuses a name without a value, and leaves out values no name uses', () => {
    expect(() => positional('SELECT :missing', {})).toThrow(':missing');
    expect(positional('SELECT :a', { a: null, unused: 1 })).toEqual(['SELECT $1', [null]]);
  });
});
