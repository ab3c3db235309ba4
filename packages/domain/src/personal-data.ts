/**
 * Text that looks like someone's personal details, found before a post is published (issue #16: a customer
 * posted her e-mail address and a payment reference on a public page, because a public comment was the only
 * way to answer staff). The web warns and lets the person edit, post anyway or send it privately; nothing
 * is refused, since a support address or a shop's phone number may belong in a public post.
 *
 * Code spans and blocks are searched too: customers paste router logs and account pages there, and an
 * address in a code block is as public as one in a sentence. Logs are full of numbers, so before looking
 * for phone, card and account numbers the detector blanks out what is plainly not personal: IP and MAC
 * addresses, dates, times, version numbers, hex values, e-mail addresses and links (see NOT_PERSONAL).
 *
 * Deliberate limits, each to keep false alarms out of logs and speed tests:
 * - a bare run of digits is not an account number (byte counters, uptimes, serials, epoch times look the
 *   same); it needs a label before it ("account number", "ref", "sort code", "customer no." …) or the shape
 *   of an IBAN;
 * - a card number is 13–19 digits starting 2–6 (the card networks) that passes the Luhn check;
 * - a phone number starts with +, 00 or a 0 trunk prefix (UK and Irish forms), grouped by spaces, dashes
 *   or an area code in brackets, never dots (versions and addresses use those);
 * - a postcode is a UK postcode or an Irish Eircode written in one case, and an Eircode's last four
 *   characters hold a letter; "2TB" and "8GB" are read as sizes, not as a postcode's last half.
 */
export const PERSONAL_DATA_KINDS = ['EMAIL', 'PHONE', 'ACCOUNT_NUMBER', 'CARD_NUMBER', 'POSTCODE'] as const;
export type PersonalDataKind = (typeof PERSONAL_DATA_KINDS)[number];

/** What a warning calls each kind: "This looks like an e-mail address: …". */
export const PERSONAL_DATA_LABELS: Record<PersonalDataKind, string> = {
  EMAIL: 'an e-mail address',
  PHONE: 'a phone number',
  ACCOUNT_NUMBER: 'an account or reference number',
  CARD_NUMBER: 'a card number',
  POSTCODE: 'a postcode',
};

export interface PersonalDataMatch {
  kind: PersonalDataKind;
  /** The text as written. */
  match: string;
  /** Where it starts in the text searched. */
  index: number;
}

const EMAIL = /(?<![\w.%+-])[a-z0-9](?:[a-z0-9._%+-]{0,63})@[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*\.[a-z]{2,24}(?![\w-])/gi;

/** Plainly not personal, blanked out before numbers are looked for (in this order: links before the addresses inside them). */
const NOT_PERSONAL: readonly RegExp[] = [
  /\b(?:https?|ftp):\/\/\S+/gi,
  EMAIL,
  // MAC addresses: 00:1a:2b:3c:4d:5e, 00-1A-2B-3C-4D-5E, 001a.2b3c.4d5e
  /\b[0-9a-f]{2}(?:([:-])[0-9a-f]{2})(?:\1[0-9a-f]{2}){4}\b/gi,
  /\b[0-9a-f]{4}\.[0-9a-f]{4}\.[0-9a-f]{4}\b/gi,
  // IPv6 (two or more colons; takes times like 14:05:33 along, which are not personal either)
  /(?<![\w:])[0-9a-f]{0,4}(?::[0-9a-f]{0,4}){2,7}(?:\/\d{1,3})?(?![\w:])/gi,
  // IPv4 with an optional port or prefix length
  /\b\d{1,3}(?:\.\d{1,3}){3}(?:[:/]\d{1,5})?\b/g,
  // ISO dates and timestamps: 2026-12-05, 2026-12-05T14:05:33.120Z, 20261205T140533
  /\b\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?\b/g,
  /\b\d{8}T\d{4,6}Z?\b/g,
  // Day-month-year: 05/12/2026, 5.12.2026, 05-12-2026, 5/12/26 (a sort code, 12-34-56, is left alone)
  /\b\d{1,2}([/.-])\d{1,2}\1\d{4}\b/g,
  /\b\d{1,2}\/\d{1,2}\/\d{2}\b/g,
  // Times: 14:05, 14:05:33.120
  /\b\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d+)?\b/g,
  // Versions: 7.2.1.4, v2.18.0-beta
  /\bv?\d+(?:\.\d+){2,}\b/gi,
  // Hex values and hashes: 0x1f3a, a long run of hex digits with a letter in it
  /\b0x[0-9a-f]+\b/gi,
  /\b(?=[0-9a-f]*[a-f])(?=[0-9a-f]*\d)[0-9a-f]{12,}\b/gi,
];

const CARD = /(?<![\w.,/-])\d(?:[ -]?\d){12,18}(?![\w-]|[.,]\d)/g;

// A phone number: + or 00 and a country code, or a 0 trunk prefix, maybe in brackets; groups of digits
// split by single spaces or dashes. Its digits are counted afterwards (phoneDigitsFit).
const PHONE = /(?<![\w+.,/(-])(?:\+\d{1,3}(?:[ -]?\(0\))?|\(0\d{1,4}\)|0)(?:[ -]?\d{1,5}){1,5}(?![\w-]|[.,]\d)/g;

// A label that says the number after it identifies an account or a payment, then the number
// (at least five digits, in one token or groups of digits). "Reference: 2026-12-05" is a date, blanked first.
const LABELLED_ACCOUNT = new RegExp(
  String.raw`\b(?:account|acct|a\/c|customer|reference|ref|payment|invoice|order|billing|sort[ -]?code|iban|bic)` +
    String.raw`(?:[ -](?:number|no\.?|num|nr|id|ref(?:erence)?|code))?` +
    String.raw`(?:\s*(?:is|was|=|:|#|-)\s*|\s+)` +
    String.raw`([a-z0-9]+(?:[-/][a-z0-9]+)*(?: \d+)*)(?![\w-])`,
  'gi',
);

// An IBAN: two letters, two check digits, then groups of four (GB29 NWBK 6016 1331 9268 19).
const IBAN = /\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){3,7}(?: ?[A-Z0-9]{1,3})?\b/g;

// UK postcodes (SW1A 1AA, M1 1AE, B33 8TH, GIR 0AA) and Irish Eircodes (D02 X285, A65 F4E2, D6W 1234).
const UK_POSTCODE = /\b(?:[A-Z]{1,2}\d[A-Z\d]? ?\d[ABD-HJLNP-UW-Z]{2}|GIR ?0AA)\b/gi;
const EIRCODE = /\b(?:[AC-FHKNPRTV-Y]\d{2}|D6W) ?[0-9AC-FHKNPRTV-Y]{4}\b/gi;
/** Sizes written like a postcode's last half ("PS5 2TB", "Pi4 8GB"), and ordinals in lower case ("v2 2nd"; "B33 8TH" is a postcode). */
const NOT_INWARD_CODE = /\d[GTP]B$|\d[gtp]b$|\d(?:st|nd|rd|th)$/;

/** Every stretch of `text` that looks like personal data, in order of position; overlapping finds are reported once. */
export function findPersonalData(text: string): PersonalDataMatch[] {
  const found: PersonalDataMatch[] = [];
  const add = (kind: PersonalDataKind, match: string, index: number) => {
    const end = index + match.length;
    if (!found.some((f) => index < f.index + f.match.length && f.index < end)) found.push({ kind, match, index });
  };
  for (const m of text.matchAll(EMAIL)) add('EMAIL', m[0], m.index);

  const numbers = blankOut(text);
  for (const m of numbers.matchAll(CARD)) if (isCardNumber(m[0])) add('CARD_NUMBER', text.slice(m.index, m.index + m[0].length), m.index);
  for (const m of numbers.matchAll(IBAN)) add('ACCOUNT_NUMBER', m[0], m.index);
  for (const m of numbers.matchAll(LABELLED_ACCOUNT)) {
    const value = m[1];
    if ((value.match(/\d/g)?.length ?? 0) >= 5) add('ACCOUNT_NUMBER', value, m.index + m[0].length - value.length);
  }
  for (const m of numbers.matchAll(PHONE)) if (phoneDigitsFit(m[0])) add('PHONE', m[0], m.index);
  for (const pattern of [UK_POSTCODE, EIRCODE]) {
    for (const m of numbers.matchAll(pattern)) if (isPostcodeShaped(m[0], pattern === EIRCODE)) add('POSTCODE', m[0], m.index);
  }
  return found.sort((a, b) => a.index - b.index);
}

/**
 * How a warning shows a find without repeating it in full (on a shared screen, in a screenshot): an e-mail
 * address keeps its first character and its domain (j***@example.com), anything else its first character
 * and last two (4*** **** **** **11).
 */
export function maskPersonalData({ kind, match }: Pick<PersonalDataMatch, 'kind' | 'match'>): string {
  if (kind === 'EMAIL') {
    const at = match.lastIndexOf('@');
    return `${match[0]}***${match.slice(at)}`;
  }
  const positions = [...match.matchAll(/[a-z0-9]/gi)].map((m) => m.index);
  const keep = new Set([positions[0], ...positions.slice(-2)]);
  return [...match].map((c, i) => (/[a-z0-9]/i.test(c) && !keep.has(i) ? '*' : c)).join('');
}

/** `text` with what is plainly not personal replaced by underscores of the same length (indexes stay valid). */
function blankOut(text: string): string {
  return NOT_PERSONAL.reduce((t, pattern) => t.replace(pattern, (m) => '_'.repeat(m.length)), text);
}

function isCardNumber(candidate: string): boolean {
  const digits = candidate.replace(/\D/g, '');
  // One kind of separator, used the same way throughout (4111 1111 1111 1111, not 4111-1111 1111).
  if (/ /.test(candidate) && /-/.test(candidate)) return false;
  return digits.length >= 13 && digits.length <= 19 && /^[2-6]/.test(digits) && luhnValid(digits);
}

/** The Luhn checksum that every payment card number carries in its last digit. */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return sum % 10 === 0;
}

/**
 * Whether a phone-shaped candidate has a phone number's length: international (+ or 00 and a country
 * code) 8 to 15 digits after the prefix, the E.164 range; national (a 0 trunk prefix) 9 to 11 digits,
 * which covers UK numbers (07700 900123, 020 7946 0958) and Irish ones ((01) 555 1234, 087 123 4567).
 */
function phoneDigitsFit(candidate: string): boolean {
  const digits = candidate.replace(/\D/g, '');
  if (candidate.startsWith('+')) return !digits.startsWith('0') && digits.length - (/\(0\)/.test(candidate) ? 1 : 0) >= 8 && digits.length <= 15;
  // A country code and an area code never start with 0: a run of zeros in a log is neither.
  if (digits.startsWith('00')) return /^00[1-9]/.test(digits) && digits.length >= 10 && digits.length <= 17;
  return /^0[1-9]/.test(digits) && digits.length >= 9 && digits.length <= 11;
}

function isPostcodeShaped(candidate: string, eircode: boolean): boolean {
  if (candidate !== candidate.toUpperCase() && candidate !== candidate.toLowerCase()) return false;
  if (eircode) return /[a-z]/i.test(candidate.slice(-4));
  return !NOT_INWARD_CODE.test(candidate);
}
