import {
  LIMITS,
  normalizeEmail,
  normalizeTags,
  validateAnswer,
  validateCategory,
  validateCategoryPatch,
  validateComment,
  validateQuestion,
  validateUnsolvedWindowHours,
  validateVoteValue,
} from './validation';
import { validateRegistration } from './account-rules';

const VALID_QUESTION = {
  title: 'Router drops Wi-Fi every evening',
  body: 'Since Monday my connection drops around 8pm and comes back after ten minutes.',
  tags: ['broadband', 'wi-fi'],
};

const VALID_CATEGORY = {
  name: 'Home broadband',
  slug: 'home-broadband',
  description: 'Routers, speeds and outages.',
  peerWindowHours: 24,
  staffResponseHours: 48,
};

describe('LIMITS', () => {
  it('holds the agreed numbers', () => {
    expect(LIMITS.title).toEqual({ min: 10, max: 200 });
    expect(LIMITS.questionBody).toEqual({ min: 20, max: 30000 });
    expect(LIMITS.answerBody).toEqual({ min: 10, max: 30000 });
    expect(LIMITS.commentBody).toEqual({ min: 2, max: 2000 });
    expect(LIMITS.password).toEqual({ min: 10, max: 256 });
    expect(LIMITS.tagsPerQuestion).toEqual({ max: 5 });
  });
});

describe('normalizeEmail', () => {
  it('trims and lower-cases', () => {
    expect(normalizeEmail('  Ada.Lovelace@Example.COM ')).toBe('ada.lovelace@example.com');
  });
});

describe('normalizeTags', () => {
  it('trims, lower-cases, drops blanks and duplicates, keeping first-seen order', () => {
    expect(normalizeTags([' Broadband', 'wifi', 'BROADBAND ', '', '  ', 'C#'])).toEqual(['broadband', 'wifi', 'c#']);
  });
});

describe('validateRegistration', () => {
  const valid = { email: 'ada@example.com', displayName: 'Ada', password: 'correct horse battery' };

  it('accepts a sane registration, normalizing the email first', () => {
    expect(validateRegistration(valid)).toEqual([]);
    expect(validateRegistration({ ...valid, email: '  ADA@Example.com ' })).toEqual([]);
  });

  it.each(['ada', 'ada@example', '@example.com', 'ada @example.com', 'ada@@example.com'])(
    'refuses the email %p',
    (email) => {
      expect(validateRegistration({ ...valid, email })).toEqual([
        { field: 'email', message: 'Email must look like name@example.com.' },
      ]);
    },
  );

  it('requires an email', () => {
    expect(validateRegistration({ ...valid, email: '   ' })).toEqual([{ field: 'email', message: 'Email is required.' }]);
  });

  it('refuses an email longer than 254 characters', () => {
    const email = `${'a'.repeat(243)}@example.com`;
    expect(validateRegistration({ ...valid, email })).toEqual([
      { field: 'email', message: 'Email must be at most 254 characters (it has 255).' },
    ]);
  });

  it('measures the display name trimmed', () => {
    expect(validateRegistration({ ...valid, displayName: '  A  ' })).toEqual([
      { field: 'displayName', message: 'Display name must be between 2 and 50 characters (it has 1).' },
    ]);
    expect(validateRegistration({ ...valid, displayName: 'x'.repeat(51) })).toEqual([
      { field: 'displayName', message: 'Display name must be between 2 and 50 characters (it has 51).' },
    ]);
  });

  it('takes the password verbatim, spaces included', () => {
    expect(validateRegistration({ ...valid, password: '  short  ' })).toEqual([
      { field: 'password', message: 'Password must be between 10 and 256 characters (it has 9).' },
    ]);
    expect(validateRegistration({ ...valid, password: ' one two three ' })).toEqual([]);
    expect(validateRegistration({ ...valid, password: 'p'.repeat(257) })).toEqual([
      { field: 'password', message: 'Password must be between 10 and 256 characters (it has 257).' },
    ]);
  });

  it('reports every bad field at once', () => {
    expect(validateRegistration({ email: '', displayName: '', password: '' }).map((e) => e.field)).toEqual([
      'email',
      'displayName',
      'password',
    ]);
  });
});

describe('validateQuestion', () => {
  it('accepts a good question', () => {
    expect(validateQuestion(VALID_QUESTION)).toEqual([]);
  });

  it('says how long the title is', () => {
    expect(validateQuestion({ ...VALID_QUESTION, title: 'No wifi' })).toEqual([
      { field: 'title', message: 'Title must be between 10 and 200 characters (it has 7).' },
    ]);
    expect(validateQuestion({ ...VALID_QUESTION, title: 't'.repeat(201) })).toEqual([
      { field: 'title', message: 'Title must be between 10 and 200 characters (it has 201).' },
    ]);
  });

  it('accepts the limits themselves', () => {
    expect(validateQuestion({ ...VALID_QUESTION, title: 't'.repeat(10), body: 'b'.repeat(30000) })).toEqual([]);
    expect(validateQuestion({ ...VALID_QUESTION, title: 't'.repeat(200), body: 'b'.repeat(20) })).toEqual([]);
  });

  it('does not count surrounding spaces', () => {
    expect(validateQuestion({ ...VALID_QUESTION, title: '   No wifi       ' })).toEqual([
      { field: 'title', message: 'Title must be between 10 and 200 characters (it has 7).' },
    ]);
  });

  it('counts an emoji as one character', () => {
    expect(validateQuestion({ ...VALID_QUESTION, title: '📶📶📶📶📶📶📶📶📶' })).toEqual([
      { field: 'title', message: 'Title must be between 10 and 200 characters (it has 9).' },
    ]);
  });

  it('requires some letters or digits in the title', () => {
    expect(validateQuestion({ ...VALID_QUESTION, title: '🔥'.repeat(12) })).toEqual([
      { field: 'title', message: 'Title must contain some words (letters or digits), not only symbols or emoji.' },
    ]);
    expect(validateQuestion({ ...VALID_QUESTION, title: '?!-- ... --!?' })).toHaveLength(1);
    expect(validateQuestion({ ...VALID_QUESTION, title: '🔥🔥🔥 Café Wi-Fi 🔥🔥🔥' })).toEqual([]);
    expect(validateQuestion({ ...VALID_QUESTION, title: 'ルーターが毎晩切れる' })).toEqual([]);
    expect(validateQuestion({ ...VALID_QUESTION, title: '🔥🔥🔥🔥🔥🔥🔥🔥🔥 5' })).toEqual([]);
  });

  it('requires a title and a body', () => {
    expect(validateQuestion({ ...VALID_QUESTION, title: ' ', body: '' })).toEqual([
      { field: 'title', message: 'Title is required.' },
      { field: 'body', message: 'Question is required.' },
    ]);
  });

  it('says how long the body is', () => {
    expect(validateQuestion({ ...VALID_QUESTION, body: 'It is broken.' })).toEqual([
      { field: 'body', message: 'Question must be between 20 and 30000 characters (it has 13).' },
    ]);
  });

  it('accepts tags that only need normalizing', () => {
    expect(validateQuestion({ ...VALID_QUESTION, tags: ['Broadband', ' broadband ', 'C++', 'node.js', '5g'] })).toEqual([]);
  });

  it('allows no tags', () => {
    expect(validateQuestion({ ...VALID_QUESTION, tags: [] })).toEqual([]);
  });

  it('counts tags after removing duplicates', () => {
    expect(validateQuestion({ ...VALID_QUESTION, tags: ['a1', 'b2', 'c3', 'd4', 'e5', 'A1'] })).toEqual([]);
    expect(validateQuestion({ ...VALID_QUESTION, tags: ['a1', 'b2', 'c3', 'd4', 'e5', 'f6', 'g7'] })).toEqual([
      { field: 'tags', message: 'Use at most 5 tags (there are 7).' },
    ]);
  });

  it('explains each bad tag', () => {
    expect(validateQuestion({ ...VALID_QUESTION, tags: ['x', 'wi fi', '-router', 't'.repeat(31)] })).toEqual([
      { field: 'tags', message: 'Tag "x" must be between 2 and 30 characters (it has 1).' },
      {
        field: 'tags',
        message: 'Tag "wi fi" may only use lower-case letters, digits and + # . - and must start with a letter or digit.',
      },
      {
        field: 'tags',
        message: 'Tag "-router" may only use lower-case letters, digits and + # . - and must start with a letter or digit.',
      },
      { field: 'tags', message: `Tag "${'t'.repeat(31)}" must be between 2 and 30 characters (it has 31).` },
    ]);
  });
});

describe('validateAnswer', () => {
  it('accepts a short but real answer', () => {
    expect(validateAnswer({ body: 'Restart the router and it works.' })).toEqual([]);
    expect(validateAnswer({ body: 'Reboot it.' })).toEqual([]);
  });

  it('refuses a too-short answer with the count', () => {
    expect(validateAnswer({ body: '+1 same' })).toEqual([
      { field: 'body', message: 'Answer must be between 10 and 30000 characters (it has 7).' },
    ]);
  });

  it('refuses a too-long answer', () => {
    expect(validateAnswer({ body: 'a'.repeat(30001) })).toEqual([
      { field: 'body', message: 'Answer must be between 10 and 30000 characters (it has 30001).' },
    ]);
  });
});

describe('validateComment', () => {
  it('accepts two characters', () => {
    expect(validateComment({ body: 'ok' })).toEqual([]);
  });

  it('refuses blanks and overlong comments', () => {
    expect(validateComment({ body: '   ' })).toEqual([{ field: 'body', message: 'Comment is required.' }]);
    expect(validateComment({ body: 'c'.repeat(2001) })).toEqual([
      { field: 'body', message: 'Comment must be between 2 and 2000 characters (it has 2001).' },
    ]);
  });
});

describe('validateCategory', () => {
  it('accepts a good category, with or without a description', () => {
    expect(validateCategory(VALID_CATEGORY)).toEqual([]);
    expect(validateCategory({ ...VALID_CATEGORY, description: null })).toEqual([]);
    expect(validateCategory({ ...VALID_CATEGORY, description: undefined })).toEqual([]);
  });

  it.each(['Home', 'home_broadband', 'home--broadband', '-home', 'home-', 'home broadband'])(
    'refuses the slug %p',
    (slug) => {
      expect(validateCategory({ ...VALID_CATEGORY, slug })).toEqual([
        {
          field: 'slug',
          message:
            'Slug may only use lower-case letters and digits, in words joined by single hyphens (like "home-broadband").',
        },
      ]);
    },
  );

  it('checks slug and name length', () => {
    expect(validateCategory({ ...VALID_CATEGORY, name: 'x', slug: 's'.repeat(61) })).toEqual([
      { field: 'name', message: 'Name must be between 2 and 80 characters (it has 1).' },
      { field: 'slug', message: 'Slug must be between 2 and 60 characters (it has 61).' },
    ]);
  });

  it('limits the description to 500 characters', () => {
    expect(validateCategory({ ...VALID_CATEGORY, description: 'd'.repeat(501) })).toEqual([
      { field: 'description', message: 'Description must be at most 500 characters (it has 501).' },
    ]);
  });

  it.each([0, 721, 1.5, Number.NaN])('refuses %p peer window hours', (hours) => {
    expect(validateCategory({ ...VALID_CATEGORY, peerWindowHours: hours })).toEqual([
      {
        field: 'peerWindowHours',
        message: `Peer window must be a whole number of hours from 1 to 720 (it is ${hours}).`,
      },
    ]);
  });

  it('accepts the hour limits themselves', () => {
    expect(validateCategory({ ...VALID_CATEGORY, peerWindowHours: 1, staffResponseHours: 720 })).toEqual([]);
  });

  it('checks the staff response time', () => {
    expect(validateCategory({ ...VALID_CATEGORY, staffResponseHours: 1000 })).toEqual([
      {
        field: 'staffResponseHours',
        message: 'Staff response time must be a whole number of hours from 1 to 720 (it is 1000).',
      },
    ]);
  });
});

describe('validateCategoryPatch', () => {
  it('accepts an empty patch', () => {
    expect(validateCategoryPatch({})).toEqual([]);
  });

  it('checks only the fields present', () => {
    expect(validateCategoryPatch({ slug: 'Bad Slug' }).map((e) => e.field)).toEqual(['slug']);
    expect(validateCategoryPatch({ peerWindowHours: 12 })).toEqual([]);
  });

  it('lets the description be cleared but not the required fields', () => {
    expect(validateCategoryPatch({ description: null })).toEqual([]);
    expect(validateCategoryPatch({ name: null, slug: null, peerWindowHours: null, staffResponseHours: null })).toEqual([
      { field: 'name', message: 'Name is required.' },
      { field: 'slug', message: 'Slug is required.' },
      { field: 'peerWindowHours', message: 'Peer window is required.' },
      { field: 'staffResponseHours', message: 'Staff response time is required.' },
    ]);
  });
});

describe('validateUnsolvedWindowHours', () => {
  it('accepts 1 to 720 whole hours', () => {
    expect(validateUnsolvedWindowHours(1)).toEqual([]);
    expect(validateUnsolvedWindowHours(720)).toEqual([]);
  });

  it('refuses anything else', () => {
    expect(validateUnsolvedWindowHours(0)).toEqual([
      {
        field: 'unsolvedWindowHours',
        message: 'Unsolved window must be a whole number of hours from 1 to 720 (it is 0).',
      },
    ]);
  });
});

describe('validateVoteValue', () => {
  it.each([1, -1, 0])('accepts %p', (value) => {
    expect(validateVoteValue(value)).toEqual([]);
  });

  it.each([2, -2, 0.5, Number.NaN])('refuses %p', (value) => {
    expect(validateVoteValue(value)).toEqual([
      { field: 'value', message: 'A vote must be 1 (up), -1 (down) or 0 (take your vote back).' },
    ]);
  });
});
