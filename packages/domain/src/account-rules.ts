import { dictionary } from '@zxcvbn-ts/language-common';
import unhomoglyph from 'unhomoglyph';
import type { FieldError } from './errors';
import { checkEmail, LIMITS, normalizeEmail } from './validation';

/**
 * Rules for passwords and display names that need no I/O. Staff names come from the caller (the API
 * reads them), so the rule stays a plain function.
 */

/** The site's own name; a member may not pose as it. */
export const SITE_NAME = 'Peerdesk';

/** Names that would pass for the site or its team. Compared by `nameSkeleton`, so "Adm1n" and "ＳＴＡＦＦ" count too. */
export const RESERVED_NAMES: readonly string[] = [
  SITE_NAME,
  'admin',
  'administrator',
  'moderator',
  'mod',
  'staff',
  'support',
  'help desk',
  'helpdesk',
  'team',
  'system',
  'root',
  'official',
  'security',
  'customer service',
  'staff member',
  `${SITE_NAME} team`,
  `${SITE_NAME} support`,
];

// zxcvbn-ts's list of common passwords (from breached password corpora), most common first. The top
// 10,000 are refused as they are and with a few digits or symbols around them ("basketball2024!").
const COMMON_PASSWORDS = new Set(dictionary['passwords-common'].map((p) => p.toLowerCase()));
const VERY_COMMON_PASSWORDS = new Set(dictionary['passwords-common'].slice(0, 10_000).map((p) => p.toLowerCase()));

function passwordProblem(password: string, email: string | null | undefined): string | null {
  const lower = password.toLowerCase();
  const characters = [...password];
  if (characters.every((c) => c === characters[0])) {
    return 'Password must not repeat one character only. Try a few unrelated words.';
  }
  const address = normalizeEmail(email ?? '');
  if (address !== '') {
    const local = address.split('@')[0].split('+')[0];
    if (lower.includes(address) || lower === local || (local.length >= 4 && lower.includes(local))) {
      return 'Password must not contain your e-mail address or its name part. Choose something unrelated to it.';
    }
  }
  if (COMMON_PASSWORDS.has(lower)) {
    return 'This is one of the most common passwords, so it is among the first ones attackers try. Choose a less common one, e.g. a few unrelated words.';
  }
  const core = lower.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');
  if (core.length >= 4 && VERY_COMMON_PASSWORDS.has(core)) {
    return `This is a very common password ("${core}") with a few characters added, which attackers try early. Choose a less common one, e.g. a few unrelated words.`;
  }
  return null;
}

/**
 * A new password (registration, reset, change): the length limits, then not all one character, not
 * the e-mail address or its name part, and not a common password.
 */
export function checkNewPassword(password: string, email: string | null | undefined, field = 'password'): FieldError[] {
  const length = [...password].length;
  const { min, max } = LIMITS.password;
  if (length === 0) return [{ field, message: 'Password is required.' }];
  if (length < min || length > max) return [{ field, message: `Password must be between ${min} and ${max} characters (it has ${length}).` }];
  const problem = passwordProblem(password, email);
  return problem ? [{ field, message: problem }] : [];
}

// Control characters (C0, C1) and format characters: bidirectional overrides and isolates, zero-width
// spaces and joiners, the byte-order mark, soft hyphens, invisible operators.
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Co}\p{Cn}\u2028\u2029]/u;

/** NFKC, trimmed, inner whitespace collapsed to single spaces: the form a name is stored and shown in. */
export function normalizeDisplayName(name: string): string {
  return name.normalize('NFKC').trim().replace(/[^\S\uFEFF]+/gu, ' ');
}

/**
 * What a name looks like, for comparing names people could mistake for each other: NFKC, lower-cased,
 * accents dropped, look-alike characters replaced by their Latin model (Unicode's confusables, via
 * `unhomoglyph`: "аdmіn" with Cyrillic letters, "adm1n"), and everything but letters and digits dropped
 * ("A.d.m.i.n").
 */
export function nameSkeleton(name: string): string {
  const unaccented = name.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
  // Unicode maps "1", "I" and "|" to "l" but keeps "i": case-insensitively, "i" looks like them too.
  return unhomoglyph(unaccented).toLowerCase().replace(/i/g, 'l').replace(/[^\p{L}\p{N}]/gu, '');
}

export interface DisplayNameOptions {
  /** Names of staff (employees and moderators) a member may not pose as. */
  protectedNames?: readonly string[];
  /** For administrators made on the command line: "Administrator" is theirs to take. */
  reservedAllowed?: boolean;
  field?: string;
}

/**
 * A display name as it will be stored (`normalizeDisplayName`): the length limits, no invisible or
 * direction-changing characters, and not the name of a member of staff, a reserved name or the site's
 * name, compared by `nameSkeleton`.
 */
export function checkDisplayName(typed: string, { protectedNames = [], reservedAllowed = false, field = 'displayName' }: DisplayNameOptions = {}): FieldError[] {
  const name = normalizeDisplayName(typed);
  const length = [...name].length;
  const { min, max } = LIMITS.displayName;
  if (length === 0) return [{ field, message: 'Display name is required.' }];
  if (INVISIBLE.test(name)) {
    return [{ field, message: 'Display name must not contain invisible, control or text-direction characters. Type it with visible characters only.' }];
  }
  if (length < min || length > max) return [{ field, message: `Display name must be between ${min} and ${max} characters (it has ${length}).` }];
  const skeleton = nameSkeleton(name);
  if (skeleton === '') return [{ field, message: 'Display name must contain some letters or digits.' }];
  if (reservedAllowed) return [];
  if (RESERVED_NAMES.some((reserved) => nameSkeleton(reserved) === skeleton)) {
    return [{ field, message: `"${name}" is reserved: it would look like the site or its team speaking. Choose another name.` }];
  }
  if (protectedNames.some((staff) => nameSkeleton(staff) === skeleton)) {
    return [{ field, message: `"${name}" looks like the name of a member of staff. Choose another name so nobody mistakes you for them.` }];
  }
  return [];
}

export interface RegistrationInput {
  email: string;
  displayName: string;
  password: string;
}

/** A new account: its address's shape, its display name and its password. */
export function validateRegistration(input: RegistrationInput, nameOptions: DisplayNameOptions = {}): FieldError[] {
  return [
    ...checkEmail(input.email),
    ...checkDisplayName(input.displayName, nameOptions),
    // Passwords are taken verbatim: spaces are legitimate characters in a passphrase.
    ...checkNewPassword(input.password, input.email),
  ];
}
