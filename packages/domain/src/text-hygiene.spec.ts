import { textProblem, textProblems } from './text-hygiene';

describe('text hygiene', () => {
  it.each(['\u0000', '\u0007', '\u001b[31m', '\u007f', '\u0085', '\u009b'])('refuses the control character %j anywhere', (bad) => {
    expect(textProblem('body', `before${bad}after`)?.message).toMatch(/control characters/);
    expect(textProblem('title', `before${bad}after`)?.message).toMatch(/control characters/);
  });

  it('keeps tabs and line breaks in multi-line fields only', () => {
    expect(textProblem('body', 'line one\r\n\tline two\n')).toBeNull();
    expect(textProblem('reason', 'Outage\nsince 9am')).toBeNull();
    expect(textProblem('title', 'A title\nwith a break')?.message).toMatch(/single line/);
    expect(textProblem('tags', 'wi\tfi')?.message).toMatch(/single line/);
  });

  it('accepts ordinary text in any script, emoji included', () => {
    expect(textProblem('title', 'Ça ne marche pas — 路由器 🙂')).toBeNull();
  });

  it('names the innermost field of nested input, once each', () => {
    expect(textProblems('input', { title: 'a\u0000', body: 'fine\n', tags: ['ok', 'b\u0000', 'c\u0000'], nested: { note: 'x\u0001' } })
      .map((p) => p.field)).toEqual(['title', 'tags', 'note']);
    expect(textProblems('reason', 'bad\u0000')).toEqual([{ field: 'reason', message: expect.stringMatching(/control/) }]);
    expect(textProblems('first', 20)).toEqual([]);
  });
});
