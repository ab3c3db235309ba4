import type { FieldError } from './errors';
import type { PostHold } from './moderation';
import { can, type Role } from './roles';
import { allowanceOf, type TrustLevel } from './trust-levels';

/**
 * Content checks that hold a new post for a moderator (never drop it): more links than the author's trust
 * level allows, the same body posted again within minutes, a blocked word, a link to a blocked domain. The
 * author reads why (`PostHold.reason`); the moderators read what the check found (`PostHold.detail`).
 * Employees and anyone who reviews posts themselves are never held by them.
 */

/** The lists admins edit (the `spam_rules` table): words and phrases, and link domains (a domain blocks its subdomains). */
export interface SpamRules {
  words: readonly string[];
  domains: readonly string[];
}

export const SPAM_RULE_LIMITS = {
  /** Words or domains in each list. */
  entries: { max: 500 },
  word: { max: 100 },
  domain: { max: 253 },
} as const;

/** The checks, by name: the review item records which of them held a post, and the moderation report counts per check. */
export const SPAM_CHECKS = ['LINKS_OVER_ALLOWANCE', 'REPEAT', 'BLOCKED_WORD', 'BLOCKED_DOMAIN'] as const;
export type SpamCheck = (typeof SPAM_CHECKS)[number];

/** How long after a post the same body from the same author is held (SPAM_REPEAT_WINDOW_MINUTES). */
export const DEFAULT_SPAM_REPEAT_WINDOW_MINUTES = 10;

export interface SpamCheckAuthor {
  role: Role;
  isEmployee: boolean;
  trustLevel: TrustLevel;
}

/** The post as written (Markdown) and as rendered (the links are counted as shown, like `LIMITS.linksPerPost`). */
export interface SpamCheckPost {
  /** A question's title (the word check reads it too). */
  title?: string;
  body: string;
  bodyHtml: string;
}

/** One of the author's earlier questions, answers or comments. */
export interface RecentPost {
  body: string;
  createdAt: Date;
}

export interface SpamCheckContext {
  rules: SpamRules;
  /** The author's posts since `now` minus the window (older ones are ignored). */
  recentPosts: readonly RecentPost[];
  repeatWindowMinutes: number;
  now: Date;
}

/** Whether the checks pass over this author without looking: employees, moderators and admins. */
export function spamCheckExempt(author: Pick<SpamCheckAuthor, 'role' | 'isEmployee'>): boolean {
  return author.isEmployee || can(author.role, 'review_posts');
}

const LEVEL_WORDS: Readonly<Record<TrustLevel, string>> = {
  NEW: 'new members',
  BASIC: 'basic members',
  MEMBER: 'members',
  REGULAR: 'regulars',
  LEADER: 'leaders',
};

const NEXT = 'a moderator will look at it.';

/** Links as shown: every `<a ` in the rendered HTML (Markdown links, bare addresses made links, images kept as links). */
export function countLinks(bodyHtml: string): number {
  return bodyHtml.match(/<a /g)?.length ?? 0;
}

/** The host names the rendered post links to, lower-cased (relative and unparsable links left out). */
export function linkHosts(bodyHtml: string): string[] {
  const hosts: string[] = [];
  for (const match of bodyHtml.matchAll(/<a [^>]*?href="([^"]*)"/g)) {
    const href = match[1]!.replaceAll('&amp;', '&');
    try {
      const url = new URL(href);
      if (url.hostname) hosts.push(url.hostname.toLowerCase().replace(/\.$/, ''));
    } catch {
      // A relative or malformed link points nowhere outside.
    }
  }
  return hosts;
}

/** A body as the repeat check compares it: lower case, runs of blanks made one space, trimmed. */
export function normalizeBodyForRepeat(body: string): string {
  return body.toLowerCase().replace(/\s+/gu, ' ').trim();
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The first blocked word or phrase the text holds as a whole word (any case), or null. */
export function blockedWordIn(text: string, words: readonly string[]): string | null {
  const haystack = text.toLowerCase().replace(/\s+/gu, ' ');
  for (const word of words) {
    const pattern = new RegExp(`(?<![\\p{L}\\p{N}_])${escapeRegExp(word.toLowerCase()).replace(/ +/g, '\\s+')}(?![\\p{L}\\p{N}_])`, 'u');
    if (pattern.test(haystack)) return word;
  }
  return null;
}

/** The first blocked domain a host belongs to (itself or a subdomain), or null. */
export function blockedDomainOf(hosts: readonly string[], domains: readonly string[]): { host: string; domain: string } | null {
  for (const host of hosts) {
    const domain = domains.find((d) => host === d || host.endsWith(`.${d}`));
    if (domain) return { host, domain };
  }
  return null;
}

interface Finding {
  check: SpamCheck;
  reason: string;
  detail: string;
}

/**
 * The spam hold for a new post (or an edit of one), or null when it passes. Every check runs; the author reads the first
 * finding's reason, the moderators every finding's detail, and the hold names every check that found something.
 */
export function spamHold(author: SpamCheckAuthor, post: SpamCheckPost, context: SpamCheckContext): PostHold | null {
  if (spamCheckExempt(author)) return null;
  const findings: Finding[] = [];

  const word = blockedWordIn(post.title ? `${post.title}\n${post.body}` : post.body, context.rules.words);
  if (word) findings.push({ check: 'BLOCKED_WORD', reason: `Your post contains a word that is checked before it is shown; ${NEXT}`, detail: `Blocked word: "${word}".` });

  const hosts = linkHosts(post.bodyHtml);
  const blocked = blockedDomainOf(hosts, context.rules.domains);
  if (blocked) {
    findings.push({
      check: 'BLOCKED_DOMAIN',
      reason: `Your post links to a site (${blocked.host}) whose links are checked before they are shown; ${NEXT}`,
      detail: `Link to blocked domain ${blocked.domain} (${blocked.host}).`,
    });
  }

  const allowed = allowanceOf(author.trustLevel, author.isEmployee).linksPerPost;
  const links = countLinks(post.bodyHtml);
  if (links > allowed) {
    findings.push({
      check: 'LINKS_OVER_ALLOWANCE',
      reason: `Your post has more links than ${LEVEL_WORDS[author.trustLevel]} may post (${allowed}); ${NEXT}`,
      detail: `${links} links; trust level ${author.trustLevel} allows ${allowed}.`,
    });
  }

  const since = context.now.getTime() - context.repeatWindowMinutes * 60_000;
  const body = normalizeBodyForRepeat(post.body);
  const repeat = context.repeatWindowMinutes > 0 && body !== ''
    ? context.recentPosts.find((p) => p.createdAt.getTime() >= since && p.createdAt.getTime() <= context.now.getTime() && normalizeBodyForRepeat(p.body) === body)
    : undefined;
  if (repeat) {
    const minutes = Math.max(0, Math.round((context.now.getTime() - repeat.createdAt.getTime()) / 60_000));
    findings.push({
      check: 'REPEAT',
      reason: `Your post repeats one you posted ${minutes === 0 ? 'moments' : minutes === 1 ? 'a minute' : `${minutes} minutes`} ago; ${NEXT}`,
      detail: `Same text as their post of ${repeat.createdAt.toISOString()} (within ${context.repeatWindowMinutes} minutes).`,
    });
  }

  if (findings.length === 0) return null;
  return {
    kind: 'SPAM_CHECK', reason: findings[0]!.reason, detail: findings.map((f) => f.detail).join(' '), spamChecks: findings.map((f) => f.check),
  };
}

/** A domain as the list keeps it: lower case, without a scheme, path, leading "*." or "www." or trailing dot. */
export function normalizeBlockedDomain(input: string): string {
  let text = input.trim().toLowerCase();
  text = text.replace(/^[a-z][a-z0-9+.-]*:\/\//, '').replace(/[/?#].*$/, '').replace(/:\d+$/, '');
  text = text.replace(/^\*\./, '').replace(/^www\./, '').replace(/\.$/, '');
  return text;
}

const DOMAIN_PATTERN = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/;

/**
 * The lists as entered (one per line in the console), normalized: trimmed, lower-cased, blank lines and
 * duplicates dropped, sorted. Errors name the field (`words`, `domains`) and the entry at fault.
 */
export function normalizeSpamRules(input: { words: readonly string[]; domains: readonly string[] }): { rules: SpamRules; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const words = [...new Set(input.words.map((w) => w.trim().toLowerCase().replace(/\s+/gu, ' ')).filter((w) => w !== ''))].sort();
  const domains = [...new Set(input.domains.map(normalizeBlockedDomain).filter((d) => d !== ''))].sort();
  const longWord = words.find((w) => [...w].length > SPAM_RULE_LIMITS.word.max);
  if (longWord) errors.push({ field: 'words', message: `Keep each word or phrase under ${SPAM_RULE_LIMITS.word.max} characters ("${longWord.slice(0, 20)}…" is longer).` });
  if (words.length > SPAM_RULE_LIMITS.entries.max) errors.push({ field: 'words', message: `At most ${SPAM_RULE_LIMITS.entries.max} blocked words (there are ${words.length}).` });
  const badDomain = domains.find((d) => !DOMAIN_PATTERN.test(d));
  if (badDomain) errors.push({ field: 'domains', message: `"${badDomain.slice(0, 60)}" is not a domain name (write one like example.com).` });
  if (domains.length > SPAM_RULE_LIMITS.entries.max) errors.push({ field: 'domains', message: `At most ${SPAM_RULE_LIMITS.entries.max} blocked domains (there are ${domains.length}).` });
  return { rules: { words, domains }, errors };
}
