import { noun, plural } from './plural';

describe('plural', () => {
  it.each([
    [0, 'views', '0 views'],
    [1, 'view', '1 view'],
    [2, 'views', '2 views'],
    [-1, 'point', '-1 point'],
    [-3, 'points', '-3 points'],
  ])('%p reads "%s"', (count, word, text) => {
    const one = word.replace(/s$/, '');
    expect(noun(count, one)).toBe(word);
    expect(plural(count, one)).toBe(text);
  });

  it('takes an irregular plural', () => {
    expect(plural(1, 'reply', 'replies')).toBe('1 reply');
    expect(plural(3, 'reply', 'replies')).toBe('3 replies');
  });
});
