import {
  blockedWordIn,
  countLinks,
  linkHosts,
  normalizeBodyForRepeat,
  normalizeSpamRules,
  spamHold,
  type SpamCheckAuthor,
  type SpamCheckContext,
} from './spam-checks';

const now = new Date('2026-03-02T10:00:00Z');
const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000);
const newMember: SpamCheckAuthor = { role: 'MEMBER', isEmployee: false, trustLevel: 'NEW' };
const context = (over: Partial<SpamCheckContext> = {}): SpamCheckContext => ({
  rules: { words: [], domains: [] }, recentPosts: [], repeatWindowMinutes: 10, now, ...over,
});
const links = (n: number, host = 'example.com') =>
  Array.from({ length: n }, (_, i) => `<a href="https://${host}/${i}">x</a>`).join(' ');

describe('the link check', () => {
  it('counts links as shown and holds a NEW member over their allowance, naming it', () => {
    expect(countLinks(links(3))).toBe(3);
    const hold = spamHold(newMember, { body: 'three links', bodyHtml: links(3) }, context());
    expect(hold).toEqual({
      kind: 'SPAM_CHECK',
      reason: 'Your post has more links than new members may post (2); a moderator will look at it.',
      detail: '3 links; trust level NEW allows 2.',
      spamChecks: ['LINKS_OVER_ALLOWANCE'],
    });
  });

  it('lets a NEW member post as many links as allowed, and a MEMBER many more', () => {
    expect(spamHold(newMember, { body: 'two', bodyHtml: links(2) }, context())).toBeNull();
    expect(spamHold({ ...newMember, trustLevel: 'MEMBER' }, { body: 'many', bodyHtml: links(20) }, context())).toBeNull();
  });
});

describe('the repeat check', () => {
  const recent = (body: string, at: Date) => context({ recentPosts: [{ body, createdAt: at }] });

  it('holds the same body (any case or spacing) within the window', () => {
    expect(normalizeBodyForRepeat('  Buy   CHEAP\nphones ')).toBe('buy cheap phones');
    const hold = spamHold(newMember, { body: 'buy cheap phones', bodyHtml: '' }, recent('Buy  CHEAP\n phones', minutesAgo(3)));
    expect(hold?.reason).toBe('Your post repeats one you posted 3 minutes ago; a moderator will look at it.');
    expect(hold?.detail).toContain(minutesAgo(3).toISOString());
    expect(hold?.spamChecks).toEqual(['REPEAT']);
  });

  it('lets it through after the window, or when the text differs', () => {
    expect(spamHold(newMember, { body: 'buy cheap phones', bodyHtml: '' }, recent('buy cheap phones', minutesAgo(11)))).toBeNull();
    expect(spamHold(newMember, { body: 'buy cheap phones', bodyHtml: '' }, recent('buy cheap tablets', minutesAgo(1)))).toBeNull();
  });

  it('is off with a window of 0', () => {
    expect(spamHold(newMember, { body: 'same', bodyHtml: '' }, { ...recent('same', now), repeatWindowMinutes: 0 })).toBeNull();
  });
});

describe('blocked words and domains', () => {
  const rules = { words: ['casino', 'free money'], domains: ['spam.example'] };

  it('holds a blocked word as a whole word in any case, telling moderators which', () => {
    expect(blockedWordIn('Try our CASINO now', rules.words)).toBe('casino');
    expect(blockedWordIn('get Free\n money', rules.words)).toBe('free money');
    expect(blockedWordIn('occasional casinos', rules.words)).toBeNull();
    expect(spamHold(newMember, { title: 'Best casino', body: 'fine text', bodyHtml: '' }, context({ rules }))?.detail).toBe('Blocked word: "casino".');
    const hold = spamHold(newMember, { body: 'Casino tonight', bodyHtml: '' }, context({ rules }));
    expect(hold?.reason).toBe('Your post contains a word that is checked before it is shown; a moderator will look at it.');
    expect(hold?.detail).toBe('Blocked word: "casino".');
    expect(hold?.spamChecks).toEqual(['BLOCKED_WORD']);
  });

  it('holds a link to a blocked domain or its subdomain, not a look-alike', () => {
    expect(linkHosts('<a href="https://Shop.Spam.Example/x?a=1&amp;b=2">x</a> <a href="/questions/1">y</a>')).toEqual(['shop.spam.example']);
    const hold = spamHold(newMember, { body: 'see', bodyHtml: '<a href="https://shop.spam.example/x">x</a>' }, context({ rules }));
    expect(hold?.reason).toBe('Your post links to a site (shop.spam.example) whose links are checked before they are shown; a moderator will look at it.');
    expect(hold?.detail).toBe('Link to blocked domain spam.example (shop.spam.example).');
    expect(hold?.spamChecks).toEqual(['BLOCKED_DOMAIN']);
    expect(spamHold(newMember, { body: 'see', bodyHtml: '<a href="https://notspam.example/x">x</a>' }, context({ rules }))).toBeNull();
  });

  it('gives the moderators every finding and the author the first', () => {
    const hold = spamHold(newMember, { body: 'casino', bodyHtml: links(3, 'spam.example') }, context({ rules }));
    expect(hold?.reason).toContain('a word');
    expect(hold?.detail).toBe('Blocked word: "casino". Link to blocked domain spam.example (spam.example). 3 links; trust level NEW allows 2.');
    expect(hold?.spamChecks).toEqual(['BLOCKED_WORD', 'BLOCKED_DOMAIN', 'LINKS_OVER_ALLOWANCE']);
  });
});

describe('who is exempt', () => {
  const everything = { body: 'casino', bodyHtml: links(60, 'spam.example') };
  const rules = { words: ['casino'], domains: ['spam.example'] };

  it('never holds an employee, a moderator or an admin', () => {
    expect(spamHold({ ...newMember, isEmployee: true }, everything, context({ rules }))).toBeNull();
    expect(spamHold({ ...newMember, role: 'MODERATOR' }, everything, context({ rules }))).toBeNull();
    expect(spamHold({ ...newMember, role: 'ADMIN', isEmployee: true }, everything, context({ rules }))).toBeNull();
  });
});

describe('normalizeSpamRules', () => {
  it('trims, lower-cases, drops blanks and duplicates, and keeps domains bare', () => {
    expect(normalizeSpamRules({ words: [' Casino ', '', 'casino', 'Free  Money'], domains: ['https://www.Spam.example/path', '*.junk.example', ''] }))
      .toEqual({ rules: { words: ['casino', 'free money'], domains: ['junk.example', 'spam.example'] }, errors: [] });
  });

  it('refuses something that is not a domain', () => {
    expect(normalizeSpamRules({ words: [], domains: ['not a domain'] }).errors).toEqual([
      { field: 'domains', message: '"not a domain" is not a domain name (write one like example.com).' },
    ]);
  });
});
