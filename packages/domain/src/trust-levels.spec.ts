import { allowanceOf, isTrustLevel, TRUST_ALLOWANCES, TRUST_LEVELS } from './trust-levels';

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
