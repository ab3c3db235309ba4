import { checkDisplayName, checkNewPassword, nameSkeleton, normalizeDisplayName, validateRegistration } from './account-rules';

const EMAIL = 'dana.scully+forum@example.com';

describe('checkNewPassword', () => {
  it('accepts a passphrase unrelated to the address', () => {
    expect(checkNewPassword('correct horse battery', EMAIL)).toEqual([]);
    expect(checkNewPassword('violet tractor sings', null)).toEqual([]);
  });

  it('keeps the length limits', () => {
    expect(checkNewPassword('', EMAIL)).toEqual([{ field: 'password', message: 'Password is required.' }]);
    expect(checkNewPassword('short', EMAIL, 'newPassword')).toEqual([
      { field: 'newPassword', message: 'Password must be between 10 and 256 characters (it has 5).' },
    ]);
  });

  it.each(['aaaaaaaaaaaa', '1111111111', '          ', '€€€€€€€€€€'])('refuses one character repeated: %p', (password) => {
    expect(checkNewPassword(password, EMAIL)[0].message).toMatch(/repeat one character/);
  });

  it.each([EMAIL, EMAIL.toUpperCase(), `my ${EMAIL} pw`, 'dana.scully', 'Dana.Scully2024!', 'xxdana.scullyxx'])(
    'refuses the e-mail address or its name part inside: %p',
    (password) => {
      expect(checkNewPassword(password, EMAIL)[0].message).toMatch(/e-mail address/);
    },
  );

  it('does not refuse a short name part found by chance inside a password', () => {
    expect(checkNewPassword('ballroom dancing', 'al@example.com')).toEqual([]);
  });

  it.each(['1234567890', 'qwertyuiop', 'Password123', 'PASSWORD123', 'basketball', '1q2w3e4r5t'])('refuses the common password %p', (password) => {
    expect(checkNewPassword(password, EMAIL)[0].message).toMatch(/one of the most common passwords/);
  });

  it.each(['basketball2024!', '!!sunshine!!', 'iloveyou12345'])('refuses a common password with digits or symbols around it: %p', (password) => {
    expect(checkNewPassword(password, EMAIL)[0].message).toMatch(/very common password .* with a few characters added/);
  });
});

describe('normalizeDisplayName', () => {
  it('applies NFKC, trims and collapses whitespace', () => {
    expect(normalizeDisplayName('  Ｆｏｘ\u00a0  Mulder ')).toBe('Fox Mulder');
    expect(normalizeDisplayName('Ame\u0301lie')).toBe('Amélie');
  });
});

describe('nameSkeleton', () => {
  it('makes look-alikes equal', () => {
    expect(nameSkeleton('Admin')).toBe(nameSkeleton('аdmіn')); // Cyrillic а and і
    expect(nameSkeleton('Admin')).toBe(nameSkeleton('ADM1N'));
    expect(nameSkeleton('Sam from Support')).toBe(nameSkeleton('sam.from.support'));
    expect(nameSkeleton('Zoë')).toBe(nameSkeleton('Zoe'));
    expect(nameSkeleton('Dana')).not.toBe(nameSkeleton('Diana'));
  });
});

describe('checkDisplayName', () => {
  const staff = ['Sam from Support', 'Maeve Manager'];

  it('accepts an ordinary name, in any script', () => {
    expect(checkDisplayName('Fox Mulder', { protectedNames: staff })).toEqual([]);
    expect(checkDisplayName('Nguyễn Thị Minh')).toEqual([]);
    expect(checkDisplayName('Αλέξης')).toEqual([]);
  });

  it.each([
    ['a right-to-left override', 'Eve\u202Enimda'],
    ['a zero-width space', 'Ad\u200Bmin Helper'],
    ['a zero-width joiner', 'Dana\u200DScully'],
    ['a control character', 'Dana\u0007'],
    ['a bidi isolate', '\u2066Dana\u2069'],
    ['a byte-order mark', 'Da\uFEFFna'],
  ])('refuses %s', (_what, name) => {
    expect(checkDisplayName(name)).toEqual([
      { field: 'displayName', message: 'Display name must not contain invisible, control or text-direction characters. Type it with visible characters only.' },
    ]);
  });

  it.each(['admin', 'ADMIN', 'Adm1n', 'аdmіn', 'Moderator', 'staff', 'S u p p o r t', 'Peerdesk', 'ＰＥＥＲＤＥＳＫ', 'Peerdesk Team'])(
    'refuses the reserved name %p',
    (name) => {
      expect(checkDisplayName(name)[0].message).toMatch(/is reserved/);
    },
  );

  it('lets an administrator made on the command line take a reserved name', () => {
    expect(checkDisplayName('Administrator', { reservedAllowed: true })).toEqual([]);
  });

  it.each(['Sam from Support', 'sam from support', 'Sam  from  Supp0rt', 'Ѕam from Support'])('refuses a name posing as staff: %p', (name) => {
    expect(checkDisplayName(name, { protectedNames: staff })).toEqual([
      { field: 'displayName', message: `"${normalizeDisplayName(name)}" looks like the name of a member of staff. Choose another name so nobody mistakes you for them.` },
    ]);
  });

  it('refuses a name of symbols only and keeps the length limits, measured after normalizing', () => {
    expect(checkDisplayName('!!!')[0].message).toBe('Display name must contain some letters or digits.');
    expect(checkDisplayName('  A  ')[0].message).toBe('Display name must be between 2 and 50 characters (it has 1).');
  });
});

describe('validateRegistration', () => {
  it('applies the password rules against the address it registers', () => {
    expect(validateRegistration({ email: 'ada@example.com', displayName: 'Ada', password: 'ada@example.com' })).toEqual([
      { field: 'password', message: 'Password must not contain your e-mail address or its name part. Choose something unrelated to it.' },
    ]);
  });
});
