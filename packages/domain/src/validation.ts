import { validateBusinessCalendar } from './business-hours';
import type { FieldError } from './errors';
import { isVoteValue } from './voting';

/** Every input limit in one place; the API and the web form read the same numbers. */
export const LIMITS = {
  title: { min: 10, max: 200 },
  questionBody: { min: 20, max: 30_000 },
  // Short answers ("Restart the router and it works.") are normal, so the floor is low.
  answerBody: { min: 10, max: 30_000 },
  commentBody: { min: 2, max: 2_000 },
  privateMessageBody: { min: 2, max: 10_000 },
  password: { min: 10, max: 256 },
  displayName: { min: 2, max: 50 },
  email: { max: 254 },
  tag: { min: 2, max: 30 },
  tagsPerQuestion: { max: 5 },
  // A real post links a few pages; hundreds are spam (an answer with 975 links was posted in an attack).
  linksPerPost: { max: 50 },
  categoryName: { min: 2, max: 80 },
  slug: { min: 2, max: 60 },
  categoryDescription: { max: 500 },
  peerWindowHours: { min: 1, max: 720 },
  staffResponseHours: { min: 1, max: 720 },
  unsolvedWindowHours: { min: 1, max: 720 },
  // Days after its acceptance a solved question closes by itself (auto-close.ts); up to ten years.
  solvedAutoCloseDays: { min: 1, max: 3650 },
  announcement: { max: 500 },
  // A webhook's secret signs every body it is sent; a short one is guessable.
  webhookSecret: { min: 16, max: 256 },
  searchQuery: { max: 200 },
  // Why a member is suspended or silenced: they read it on every page while it lasts.
  restrictionReason: { min: 3, max: 500 },
  // What a moderator types to find a user (a name or part of an address).
  userQuery: { max: 254 },
  // Members a post notifies by @mention (mentions.ts); a post naming more notifies only the first ones.
  mentionsPerPost: { max: 10 },
  // What the editor's @mention autocomplete sends: the start of a display name.
  mentionPrefix: { max: 50 },
} as const;

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const TAG_PATTERN = /^[a-z0-9][a-z0-9+#.-]*$/;
// A sane shape, not RFC 5322: the confirmation mail is the real test.
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

interface LengthLimit {
  readonly min?: number;
  readonly max: number;
}

interface HourLimit {
  readonly min: number;
  readonly max: number;
}

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** Trimmed, lower-cased, without blanks or duplicates, first occurrence order kept. */
export function normalizeTags(tags: readonly string[]): string[] {
  const normalized = tags.map((tag) => tag.trim().toLowerCase()).filter((tag) => tag !== '');
  return [...new Set(normalized)];
}

/** Counted in code points, like PostgreSQL counts characters, so an emoji is one. */
function characterCount(text: string): number {
  return [...text].length;
}

function lengthRule({ min, max }: LengthLimit): string {
  return min === undefined ? `at most ${max} characters` : `between ${min} and ${max} characters`;
}

/** Length check on text as stored; blank text is "required" when a minimum applies. */
function checkText(field: string, label: string, text: string | null | undefined, limit: LengthLimit): FieldError[] {
  const length = characterCount(text ?? '');
  if (length === 0) return limit.min === undefined ? [] : [{ field, message: `${label} is required.` }];
  if (length < (limit.min ?? 0) || length > limit.max) {
    return [{ field, message: `${label} must be ${lengthRule(limit)} (it has ${length}).` }];
  }
  return [];
}

function checkTrimmedText(field: string, label: string, text: string | null | undefined, limit: LengthLimit): FieldError[] {
  return checkText(field, label, text?.trim(), limit);
}

function checkWholeHours(
  field: string,
  label: string,
  value: number | null | undefined,
  { min, max }: HourLimit,
): FieldError[] {
  if (value === null || value === undefined) return [{ field, message: `${label} is required.` }];
  if (!Number.isInteger(value) || value < min || value > max) {
    return [{ field, message: `${label} must be a whole number of hours from ${min} to ${max} (it is ${value}).` }];
  }
  return [];
}

/** An e-mail address's shape, as it will be stored (trimmed, lower-cased). */
export function checkEmail(email: string, field = 'email'): FieldError[] {
  const normalized = normalizeEmail(email);
  if (normalized === '') return [{ field, message: 'Email is required.' }];
  const lengthErrors = checkText(field, 'Email', normalized, LIMITS.email);
  if (lengthErrors.length > 0) return lengthErrors;
  return EMAIL_PATTERN.test(normalized) ? [] : [{ field, message: 'Email must look like name@example.com.' }];
}

function checkTag(tag: string): FieldError[] {
  const lengthErrors = checkText('tags', `Tag "${tag}"`, tag, LIMITS.tag);
  if (lengthErrors.length > 0) return lengthErrors;
  if (TAG_PATTERN.test(tag)) return [];
  return [
    {
      field: 'tags',
      message: `Tag "${tag}" may only use lower-case letters, digits and + # . - and must start with a letter or digit.`,
    },
  ];
}

/** Validates the tags as they will be stored, so "Broadband" is fine (it becomes "broadband"). */
function checkTags(tags: readonly string[]): FieldError[] {
  const normalized = normalizeTags(tags);
  const { max } = LIMITS.tagsPerQuestion;
  const tooMany: FieldError[] =
    normalized.length > max ? [{ field: 'tags', message: `Use at most ${max} tags (there are ${normalized.length}).` }] : [];
  return [...tooMany, ...normalized.flatMap(checkTag)];
}

export interface QuestionInput {
  title: string;
  body: string;
  tags: readonly string[];
}

// A title of only symbols or emoji has no words to search for and nothing to put in its address.
const WORD_CHARACTER = /[\p{L}\p{N}]/u;

function checkTitle(title: string): FieldError[] {
  const lengthErrors = checkTrimmedText('title', 'Title', title, LIMITS.title);
  if (lengthErrors.length > 0 || WORD_CHARACTER.test(title)) return lengthErrors;
  return [{ field: 'title', message: 'Title must contain some words (letters or digits), not only symbols or emoji.' }];
}

export function validateQuestion(input: QuestionInput): FieldError[] {
  return [
    ...checkTitle(input.title),
    ...checkTrimmedText('body', 'Question', input.body, LIMITS.questionBody),
    ...checkTags(input.tags),
  ];
}

export function validateAnswer(input: { body: string }): FieldError[] {
  return checkTrimmedText('body', 'Answer', input.body, LIMITS.answerBody);
}

export function validateComment(input: { body: string }): FieldError[] {
  return checkTrimmedText('body', 'Comment', input.body, LIMITS.commentBody);
}

export function validatePrivateMessage(input: { body: string }): FieldError[] {
  return checkTrimmedText('body', 'Message', input.body, LIMITS.privateMessageBody);
}

export interface CategoryInput {
  name: string;
  slug: string;
  description?: string | null;
  peerWindowHours: number;
  staffResponseHours: number;
  unsolvedWindowHours?: number;
  /** Null turns the fast lane off. */
  fastLanePeerWindowHours?: number | null;
  /** Null: solved questions are never closed automatically. */
  solvedAutoCloseDays?: number | null;
  businessCalendar?: unknown;
}

/** An update: absent (undefined) fields stay as they are; null clears only the description. */
export type CategoryPatch = { [K in keyof CategoryInput]?: CategoryInput[K] | null };

function checkSlug(slug: string | null): FieldError[] {
  const lengthErrors = checkText('slug', 'Slug', slug, LIMITS.slug);
  if (lengthErrors.length > 0) return lengthErrors;
  if (SLUG_PATTERN.test(slug ?? '')) return [];
  return [
    {
      field: 'slug',
      message: 'Slug may only use lower-case letters and digits, in words joined by single hyphens (like "home-broadband").',
    },
  ];
}

export function validateCategoryPatch(patch: CategoryPatch): FieldError[] {
  return [
    ...(patch.name === undefined ? [] : checkTrimmedText('name', 'Name', patch.name, LIMITS.categoryName)),
    ...(patch.slug === undefined ? [] : checkSlug(patch.slug)),
    ...checkTrimmedText('description', 'Description', patch.description, LIMITS.categoryDescription),
    ...(patch.peerWindowHours === undefined
      ? []
      : checkWholeHours('peerWindowHours', 'Peer window', patch.peerWindowHours, LIMITS.peerWindowHours)),
    ...(patch.staffResponseHours === undefined
      ? []
      : checkWholeHours('staffResponseHours', 'Staff response time', patch.staffResponseHours, LIMITS.staffResponseHours)),
    ...(patch.unsolvedWindowHours === undefined ? [] : validateUnsolvedWindowHours(patch.unsolvedWindowHours as number)),
    ...(patch.fastLanePeerWindowHours === undefined || patch.fastLanePeerWindowHours === null
      ? []
      : checkWholeHours('fastLanePeerWindowHours', 'Fast-lane peer window', patch.fastLanePeerWindowHours, LIMITS.peerWindowHours)),
    ...(patch.solvedAutoCloseDays === undefined || patch.solvedAutoCloseDays === null ? [] : checkAutoCloseDays(patch.solvedAutoCloseDays)),
    ...(patch.businessCalendar === undefined ? [] : validateBusinessCalendar(patch.businessCalendar)),
  ];
}

function checkAutoCloseDays(value: number): FieldError[] {
  const { min, max } = LIMITS.solvedAutoCloseDays;
  if (Number.isInteger(value) && value >= min && value <= max) return [];
  return [{ field: 'solvedAutoCloseDays', message: `Auto-close must be a whole number of days from ${min} to ${max} (it is ${value}).` }];
}

/** A new category: the same rules as a patch, with every required field present by type. */
export function validateCategory(input: CategoryInput): FieldError[] {
  return validateCategoryPatch(input);
}

export function validateUnsolvedWindowHours(value: number): FieldError[] {
  return checkWholeHours('unsolvedWindowHours', 'Unsolved window', value, LIMITS.unsolvedWindowHours);
}

export function validateVoteValue(value: number): FieldError[] {
  if (isVoteValue(value)) return [];
  return [{ field: 'value', message: 'A vote must be 1 (up), -1 (down) or 0 (take your vote back).' }];
}
