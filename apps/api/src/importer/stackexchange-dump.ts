import path from 'node:path';
import { type Affiliation, type AuthorKind, authorKindFor, importedThreadStatus, normalizeTags, type ThreadStatus } from '@peerdesk/domain';
import { renderMarkdown } from '../markdown/markdown';
import { htmlToMarkdown } from './html-to-markdown';

/**
 * What a Stack Exchange dump's rows become here, as plain functions of the row: no I/O, and `now` only
 * for a row the dump gives no date.
 */

/** A row's attributes as the dump writes them (Id, PostTypeId, CreationDate, …). */
export type DumpRow = Record<string, string>;

/** A (kind, dump id) pair, as `import_mappings` keys it. */
export type MappingKey = readonly [kind: string, sourceId: string];

/** What a post or comment says of its author: the dump's user id, and the name it kept for deleted accounts. */
export interface AuthorRef {
  userId: string | undefined;
  displayName: string | undefined;
}

/** An account as the importer knows it after looking it up or creating it. */
export interface ImportedAuthor {
  id: string;
  /** `users.display_name`: the attribution's name when the post itself gives none. */
  displayName: string;
  affiliation: Affiliation;
}

export const DEFAULT_LICENCE = 'CC BY-SA';

/** "french-meta" → french.meta.stackexchange.com; a folder already named like a host is kept. */
export function siteFromFolder(dir: string): string {
  const name = path.basename(path.resolve(dir));
  if (name.includes('.')) return name;
  const meta = name.match(/^(.+)-meta$/);
  return meta ? `${meta[1]}.meta.stackexchange.com` : `${name}.stackexchange.com`;
}

/** Dump dates are UTC without a zone ("2011-08-17T20:18:56.507"). */
export function dumpDate(value: string | undefined): Date | null {
  if (!value) return null;
  const parsed = new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(value) ? value : `${value}Z`);
  return Number.isNaN(parsed.getTime()) ? null : parsed;
}

/** `<a><b>` (older dumps) or `|a|b|` (newer ones) → ['a', 'b'], normalized as Peerdesk stores tags. */
export function parseTags(value: string | undefined): string[] {
  if (!value) return [];
  const parts = value.includes('<') ? [...value.matchAll(/<([^>]*)>/g)].map((m) => m[1]) : value.split('|');
  return normalizeTags(parts);
}

function dumpInt(value: string | undefined): number {
  const parsed = Number.parseInt(value ?? '', 10);
  return Number.isFinite(parsed) ? parsed : 0;
}

/** The name of the placeholder account for an author the dump no longer has. */
export function placeholderName({ userId, displayName }: AuthorRef): string {
  return (displayName ?? '').trim() || (userId ? `user${userId}` : 'Unknown user');
}

/** Placeholders are mapped by name, so every post of one deleted account shares one. */
export function placeholderKey(ref: AuthorRef): string {
  return `name:${placeholderName(ref)}`;
}

/** The mappings that tell who wrote a post: the dump user, else the placeholder of that name. */
export function authorKeys(ref: AuthorRef): MappingKey[] {
  return [...(ref.userId !== undefined ? [['user', ref.userId] as const] : []), ['user', placeholderKey(ref)]];
}

export function postAuthor(p: DumpRow): AuthorRef {
  return { userId: p.OwnerUserId, displayName: p.OwnerDisplayName };
}

export function commentAuthor(c: DumpRow): AuthorRef {
  return { userId: c.UserId, displayName: c.UserDisplayName };
}

/** The name an imported post is attributed to: the dump's, else its account's. */
export function attributionName(ref: AuthorRef, author: ImportedAuthor): string {
  return ref.displayName ?? author.displayName;
}

/** A Users.xml row; the company's people (`employees`, dump ids) are EMPLOYEEs. */
export function importedUser(u: DumpRow, employees: ReadonlySet<string>, now: Date) {
  return {
    displayName: (u.DisplayName ?? '').trim() || `user${u.Id}`,
    reputation: dumpInt(u.Reputation),
    affiliation: (employees.has(u.Id) ? 'EMPLOYEE' : 'COMMUNITY') as Affiliation,
    createdAt: dumpDate(u.CreationDate) ?? now,
  };
}

/** The placeholder account of an author the dump no longer has. */
export function placeholderUser(ref: AuthorRef, now: Date) {
  return { displayName: placeholderName(ref), reputation: 1, affiliation: 'COMMUNITY' as Affiliation, createdAt: now };
}

interface PostContext {
  now: Date;
  imageHosts: readonly string[] | undefined;
}

function bodyOf(html: string | undefined, imageHosts: readonly string[] | undefined): { body: string; bodyHtml: string } {
  const body = htmlToMarkdown(html ?? '');
  return { body, bodyHtml: renderMarkdown(body, { imageHosts }) };
}

/** A question row of Posts.xml (PostTypeId 1), as it stands before its answers are imported. */
export function importedQuestion(p: DumpRow, { categoryId, author, now, imageHosts }: PostContext & { categoryId: string; author: ImportedAuthor }) {
  const createdAt = dumpDate(p.CreationDate) ?? now;
  const status: ThreadStatus = importedThreadStatus({ answerCount: 0, hasAcceptedAnswer: false, closed: Boolean(p.ClosedDate) });
  return {
    categoryId,
    authorId: author.id,
    title: (p.Title ?? '').trim() || `Question ${p.Id}`,
    ...bodyOf(p.Body, imageHosts),
    tags: parseTags(p.Tags),
    status,
    score: dumpInt(p.Score),
    viewCount: dumpInt(p.ViewCount),
    createdAt,
    updatedAt: dumpDate(p.LastEditDate) ?? createdAt,
    lastActivityAt: dumpDate(p.LastActivityDate) ?? createdAt,
  };
}

/** An answer row of Posts.xml (PostTypeId 2); the company's people answer as STAFF. */
export function importedAnswer(p: DumpRow, { questionId, author, now, imageHosts }: PostContext & { questionId: string; author: ImportedAuthor }) {
  const createdAt = dumpDate(p.CreationDate) ?? now;
  const authorKind: AuthorKind = authorKindFor(author.affiliation);
  return {
    questionId,
    authorId: author.id,
    authorKind,
    ...bodyOf(p.Body, imageHosts),
    score: dumpInt(p.Score),
    createdAt,
    updatedAt: dumpDate(p.LastEditDate) ?? createdAt,
  };
}

/** A Comments.xml row; its text is Markdown already. */
export function importedComment(
  c: DumpRow,
  { questionId, target, author, now, imageHosts }: PostContext & { questionId: string; target: { type: 'QUESTION' | 'ANSWER'; id: string }; author: ImportedAuthor },
) {
  const body = (c.Text ?? '').trim();
  return {
    questionId,
    targetType: target.type,
    targetId: target.id,
    authorId: author.id,
    authorKind: authorKindFor(author.affiliation),
    body,
    bodyHtml: renderMarkdown(body, { imageHosts }),
    createdAt: dumpDate(c.CreationDate) ?? now,
  };
}
