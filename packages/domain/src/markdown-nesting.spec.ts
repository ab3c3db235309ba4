import { markdownNestingDepth, MAX_MARKDOWN_NESTING } from './markdown-nesting';

describe('markdownNestingDepth', () => {
  it('counts quote markers and list bullets that open a line', () => {
    expect(markdownNestingDepth('Plain text.\n\nMore.')).toBe(0);
    expect(markdownNestingDepth('> quoted\n> > replied to\n>>> three')).toBe(3);
    expect(markdownNestingDepth('- item\n  - nested\n- > quote in a list')).toBe(2);
    expect(markdownNestingDepth('1. first\n2) second\n   1. - mixed')).toBe(2);
    expect(markdownNestingDepth('>'.repeat(2000))).toBe(2000);
    expect(markdownNestingDepth(`${'- '.repeat(500)}x`)).toBe(500);
  });

  it('does not count what only looks like markers', () => {
    expect(markdownNestingDepth('-1 is the answer\n*emphasis* and 3.5 GHz\n2026-12-05 is a date')).toBe(0);
    expect(markdownNestingDepth('- - - - - - - - - - - - - - - - - - - - - - - -\n* * * * * * * * * * * * * * * * * * * * * *')).toBe(0);
    expect(markdownNestingDepth('```\n' + '>'.repeat(50) + '\n- - - - - x\n```\nafter')).toBe(0);
    expect(markdownNestingDepth('~~~~\n```\n' + '>'.repeat(50) + '\n~~~~\n> one')).toBe(1);
  });

  it('leaves room for any real thread of replies', () => {
    expect(MAX_MARKDOWN_NESTING).toBeGreaterThanOrEqual(10);
    expect(markdownNestingDepth('> '.repeat(10) + 'an e-mail thread quoted ten times')).toBe(10);
  });
});
