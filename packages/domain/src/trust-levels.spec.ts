import {
  allowanceFor, allowanceOf, DEFAULT_TRUST_THRESHOLDS, isTrustLevel, TRUST_ALLOWANCES, TRUST_LEVELS, TRUST_RATE_LIMITS, type TrustActivity, trustLevelFor,
  trustPrivilegesOf, trustRateLimitsOf, type TrustThresholds,
} from './trust-levels';

describe('trust levels', () => {
  it('never take an allowance away as a member climbs', () => {
    for (let i = 1; i < TRUST_LEVELS.length; i++) {
      const lower = TRUST_ALLOWANCES[TRUST_LEVELS[i - 1]];
      const higher = TRUST_ALLOWANCES[TRUST_LEVELS[i]];
      expect([TRUST_LEVELS[i], higher.linksPerPost >= lower.linksPerPost, higher.postsPerHour >= lower.postsPerHour, higher.flagWeight >= lower.flagWeight])
        .toEqual([TRUST_LEVELS[i], true, true, true]);
      for (const flag of ['images', 'editOthersTags', 'closeDuplicates'] as const) expect([TRUST_LEVELS[i], flag, !lower[flag] || higher[flag]]).toEqual([TRUST_LEVELS[i], flag, true]);
    }
  });

  it('keep images and closing duplicates from newcomers, and give closing duplicates to leaders only', () => {
    expect(TRUST_ALLOWANCES.NEW.images).toBe(false);
    expect(TRUST_LEVELS.filter((level) => TRUST_ALLOWANCES[level].closeDuplicates)).toEqual(['LEADER']);
  });

  it('exempt employees from the newcomer limits', () => {
    expect(allowanceOf('NEW', true)).toEqual(TRUST_ALLOWANCES.LEADER);
    expect(allowanceOf('NEW', false)).toEqual(TRUST_ALLOWANCES.NEW);
  });

  it('recognise exactly the five levels', () => {
    expect(TRUST_LEVELS.filter(isTrustLevel)).toEqual([...TRUST_LEVELS]);
    expect(['new', 'ADMIN', '', null].filter(isTrustLevel)).toEqual([]);
  });
});

describe('automatic trust levels', () => {
  const T: TrustThresholds = {
    basic: { daysVisited: 1, postsRead: 5 },
    member: { daysVisited: 15, postsRead: 100, answersAccepted: 1 },
    regular: { daysVisited: 50, reputation: 200, answersAccepted: 10, maxFlagsUpheld: 2 },
  };
  const none: TrustActivity = { daysVisited: 0, postsRead: 0, answersAccepted: 0, reputation: 0, flagsUpheld: 0 };
  const basic: TrustActivity = { ...none, daysVisited: 1, postsRead: 5 };
  const member: TrustActivity = { ...basic, daysVisited: 15, postsRead: 100, answersAccepted: 1 };
  const regular: TrustActivity = { ...member, daysVisited: 50, reputation: 200, answersAccepted: 10 };

  it('promotes to BASIC exactly at a day visited and five questions read', () => {
    expect(trustLevelFor({ ...basic, postsRead: 4 }, T, 'NEW')).toBe('NEW');
    expect(trustLevelFor({ ...basic, daysVisited: 0 }, T, 'NEW')).toBe('NEW');
    expect(trustLevelFor(basic, T, 'NEW')).toBe('BASIC');
  });

  it('promotes to MEMBER exactly at 15 days, 100 read and one accepted answer, each one needed', () => {
    expect(trustLevelFor(member, T, 'NEW')).toBe('MEMBER');
    expect(trustLevelFor({ ...member, daysVisited: 14 }, T, 'BASIC')).toBe('BASIC');
    expect(trustLevelFor({ ...member, postsRead: 99 }, T, 'BASIC')).toBe('BASIC');
    expect(trustLevelFor({ ...member, answersAccepted: 0 }, T, 'BASIC')).toBe('BASIC');
  });

  it('promotes to REGULAR exactly at 50 days, 200 reputation and 10 accepted answers, with no more than the flags allowed', () => {
    expect(trustLevelFor(regular, T, 'MEMBER')).toBe('REGULAR');
    expect(trustLevelFor({ ...regular, daysVisited: 49 }, T, 'MEMBER')).toBe('MEMBER');
    expect(trustLevelFor({ ...regular, reputation: 199 }, T, 'MEMBER')).toBe('MEMBER');
    expect(trustLevelFor({ ...regular, answersAccepted: 9 }, T, 'MEMBER')).toBe('MEMBER');
    expect(trustLevelFor({ ...regular, flagsUpheld: 2 }, T, 'MEMBER')).toBe('REGULAR');
    expect(trustLevelFor({ ...regular, flagsUpheld: 3 }, T, 'MEMBER')).toBe('MEMBER');
  });

  it('demotes a REGULAR to MEMBER only when flags upheld exceed the threshold, never for a quiet spell', () => {
    expect(trustLevelFor({ ...regular, flagsUpheld: 3 }, T, 'REGULAR')).toBe('MEMBER');
    expect(trustLevelFor({ ...regular, flagsUpheld: 2 }, T, 'REGULAR')).toBe('REGULAR');
    expect(trustLevelFor(none, T, 'REGULAR')).toBe('REGULAR');
    expect(trustLevelFor(none, T, 'MEMBER')).toBe('MEMBER');
    expect(trustLevelFor({ ...none, flagsUpheld: 10 }, T, 'MEMBER')).toBe('MEMBER');
  });

  it('never gives or takes LEADER', () => {
    expect(trustLevelFor({ ...regular, daysVisited: 10_000, reputation: 1e6, answersAccepted: 1000 }, T, 'REGULAR')).toBe('REGULAR');
    expect(trustLevelFor({ ...none, flagsUpheld: 100 }, T, 'LEADER')).toBe('LEADER');
  });

  it('treats a threshold of 0 as not asked', () => {
    const open = { ...T, basic: { daysVisited: 0, postsRead: 0 } };
    expect(trustLevelFor(none, open, 'NEW')).toBe('BASIC');
  });

  it('has defaults that climb', () => {
    const d = DEFAULT_TRUST_THRESHOLDS;
    expect(d.basic.daysVisited <= d.member.daysVisited && d.member.daysVisited <= d.regular.daysVisited).toBe(true);
    expect(d.member.answersAccepted <= d.regular.answersAccepted).toBe(true);
  });
});

describe('rate limits by trust level', () => {
  it('hold NEW members closer than BASIC ones, and leave employees to the general limits', () => {
    for (const action of ['ask', 'answer', 'comment', 'vote', 'flag'] as const) {
      expect([action, TRUST_RATE_LIMITS.NEW[action]!.limit < TRUST_RATE_LIMITS.BASIC[action]!.limit]).toEqual([action, true]);
    }
    expect(trustRateLimitsOf(TRUST_RATE_LIMITS, 'ask', 'NEW', false).map((r) => r.name)).toEqual(['ask.new', 'post.new']);
    expect(trustRateLimitsOf(TRUST_RATE_LIMITS, 'ask', 'NEW', true)).toEqual([]);
    expect(trustRateLimitsOf(TRUST_RATE_LIMITS, 'vote', 'MEMBER', false)).toEqual([]);
    expect(trustRateLimitsOf(TRUST_RATE_LIMITS, 'search', 'NEW', false)).toEqual([]);
  });

  it('count posts per hour as the allowance table says', () => {
    for (const level of TRUST_LEVELS) expect(TRUST_RATE_LIMITS[level].post).toEqual({ limit: TRUST_ALLOWANCES[level].postsPerHour, windowSeconds: 3600 });
  });
});

describe('allowanceFor', () => {
  it('reads the level\'s row, and the employee allowance for an employee whatever the level', () => {
    expect(allowanceFor({ trustLevel: 'NEW', affiliation: 'COMMUNITY' })).toBe(TRUST_ALLOWANCES.NEW);
    expect(allowanceFor({ trustLevel: 'NEW', affiliation: 'EMPLOYEE' })).toBe(allowanceOf('NEW', true));
    expect(allowanceFor({ trustLevel: 'NEW', affiliation: 'EMPLOYEE' }).images).toBe(true);
  });

  it('reads the privileges over others\' posts from the level alone', () => {
    expect(trustPrivilegesOf('MEMBER')).toMatchObject({ editOthersTags: false, closeDuplicates: false });
    expect(trustPrivilegesOf('REGULAR')).toMatchObject({ editOthersTags: true, closeDuplicates: false });
    expect(trustPrivilegesOf('LEADER')).toMatchObject({ editOthersTags: true, closeDuplicates: true });
  });
});
