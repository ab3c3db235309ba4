import { mentionedUserIds, mentionToken, newlyMentionedUserIds } from './mentions';
import { LIMITS } from './validation';

describe('mentionToken', () => {
  it('is the display name with underscores for spaces, then the id', () => {
    expect(mentionToken({ id: '42', displayName: 'Ann  Lee' })).toBe('@Ann_Lee#42');
    expect(mentionToken({ id: '7', displayName: "Zoë O'Brien-Smith" })).toBe("@Zoë_O'Brien-Smith#7");
  });

  it('drops characters a mention cannot hold, and names a member whose name has none left', () => {
    expect(mentionToken({ id: '3', displayName: 'Ann (support) <3' })).toBe('@Ann_support_3#3');
    expect(mentionToken({ id: '9', displayName: '★★' })).toBe('@member#9');
  });

  it('is read back as the member it names', () => {
    for (const displayName of ['Ann Lee', "Zoë O'Brien", 'Mr. X', '李 雷', '★']) {
      expect(mentionedUserIds(`Hi ${mentionToken({ id: '12', displayName })}, thanks.`)).toEqual(['12']);
    }
  });
});

describe('mentionedUserIds', () => {
  it('finds mentions in prose, in order of first mention, each once', () => {
    expect(mentionedUserIds('@Bo#5 and (@Ann_Lee#42), also @Bo#5: see above.\n- @Cy#7')).toEqual(['5', '42', '7']);
  });

  it('decides by the id, whatever the name says', () => {
    expect(mentionedUserIds('@Someone_else#42')).toEqual(['42']);
  });

  it('ignores e-mail addresses, escaped @, links and tokens without an id', () => {
    expect(mentionedUserIds('Write to ann@example.com#4 or \\@Ann#42, see https://x.test/@Ann#42 and @Ann or @Ann# or @Ann#0 or @Ann#42x')).toEqual([]);
  });

  it('ignores code spans, fenced blocks and indented blocks', () => {
    const markdown = [
      'Run `echo @Ann#1` or ``say `@Bo#2` ``.',
      '```',
      '@Cy#3',
      '```',
      '~~~~',
      '@Di#4',
      '~~~',
      '~~~~',
      '',
      '    @Ed#5',
      '    still code @Fay#6',
      '',
      'But @Gus#7 counts.',
    ].join('\n');
    expect(mentionedUserIds(markdown)).toEqual(['7']);
  });

  it('treats an unclosed fence as code to the end', () => {
    expect(mentionedUserIds('@Ann#1\n```\n@Bo#2')).toEqual(['1']);
  });

  it('notifies at most the limit', () => {
    const many = Array.from({ length: LIMITS.mentionsPerPost.max + 3 }, (_, i) => `@M#${i + 1}`).join(' ');
    expect(mentionedUserIds(many)).toHaveLength(LIMITS.mentionsPerPost.max);
    expect(mentionedUserIds('@A#1 @A#1 @B#2 @C#3', 2)).toEqual(['1', '2']);
  });
});

describe('newlyMentionedUserIds', () => {
  it('names only the members the edit adds, in order, not those mentioned before nor one moved into code', () => {
    expect(newlyMentionedUserIds('Thanks @Ann#1.', 'Thanks @Ann#1 and @Bo#2, also @Cy#3.')).toEqual(['2', '3']);
    expect(newlyMentionedUserIds('Thanks @Ann#1.', 'Thanks again @Ann#1.')).toEqual([]);
    expect(newlyMentionedUserIds('`@Ann#1`', '@Ann#1 now for real')).toEqual(['1']);
    expect(newlyMentionedUserIds('@Ann#1', '`@Ann#1` @Bo#2')).toEqual(['2']);
  });

  it('counts as already told only those the limit let through before', () => {
    expect(newlyMentionedUserIds('@A#1 @B#2 @C#3', '@C#3 @A#1 @B#2', 2)).toEqual(['3']);
  });
});
