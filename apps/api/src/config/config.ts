// Configuration comes from environment variables only, validated once at start-up. Every mistake is
// reported (variable, value, what is wrong), not just the first, so one restart fixes them all.

import { isIP } from 'node:net';
import { DEFAULT_SPAM_REPEAT_WINDOW_MINUTES, DEFAULT_TRUST_THRESHOLDS, parseImageHosts, parseRateRules, type RateRules, type TrustRateLimits, type TrustThresholds } from '@peerdesk/domain';
import type { GraphQLLimits } from '../common/graphql-limits';

export type NodeEnv = 'development' | 'production' | 'test';

export interface AppConfig {
  nodeEnv: NodeEnv;
  /** Where the API listens. */
  host: string;
  port: number;
  /** Where `npm start` serves the web app. */
  webPort: number;
  /** The address people open the web app at (ORIGIN); its forms refuse posts from any other origin. */
  origin: string;
  /** Unset: `npm start` runs an embedded PostgreSQL in `${dataDir}/pg`. */
  databaseUrl: string | null;
  embeddedPostgresPort: number;
  dataDir: string;
  sessionTtlDays: number;
  /** Seed the demo community on start when the database has no questions yet. */
  seedDemo: boolean | 'auto';
  /** Every rate limit (RATE_LIMIT_RULES over the defaults in packages/domain/src/rate-limits.ts); `enabled: false` only for load tests and benchmarks. */
  rateLimits: { enabled: boolean; rules: RateRules; trust: TrustRateLimits };
  /** What automatic promotion asks for (TRUST_* variables over DEFAULT_TRUST_THRESHOLDS in packages/domain/src/trust-levels.ts). */
  trustThresholds: TrustThresholds;
  /** How often each instance re-evaluates the trust levels of members whose activity changed; 0 turns its timer off. */
  trustLevelSweepSeconds: number;
  /** How long an anonymous page's GraphQL response may be served from this instance's cache (page-cache/); 0 turns the cache off. */
  pageCacheSeconds: number;
  /**
   * Which peers may say who the client is in `X-Forwarded-For` (Express's `trust proxy`): false trusts
   * nobody (the socket's address is the client's), a number trusts that many hops, a list trusts those
   * addresses, subnets and names (`loopback`, `linklocal`, `uniquelocal`).
   */
  trustProxy: false | number | string[];
  /** Where the web app is reached, for links in e-mails and webhook payloads; unset: no links. */
  publicUrl: string | null;
  /** Unset: e-mails are written as .eml files under `${dataDir}/mail` instead of being sent. */
  smtpUrl: string | null;
  /** The From: header of every e-mail. */
  mailFrom: string;
  /** How often the e-mail outbox and webhook deliveries are polled (not in NODE_ENV=test: tests drain by hand). */
  outboxPollSeconds: number;
  /** How often each instance sweeps for due escalations and breaches; 0 turns its timer off. */
  escalationSweepSeconds: number;
  /**
   * Hours after a question's first peer answer before its asker is reminded to accept one (capped to an hour before
   * the category's unsolved window ends: packages/domain acceptReminderDueAt); 0: no reminders.
   */
  acceptReminderHours: number;
  /** How long the links of a reminder to accept work, in days. */
  acceptReminderLinkDays: number;
  /** Which search engine answers `search` and `similarQuestions`. */
  searchEngine: 'postgres' | 'meilisearch';
  /** The PostgreSQL text search configuration the search vectors are built with (e.g. english, french, simple). */
  searchLanguage: string;
  /** A Meilisearch server; unset with SEARCH_ENGINE=meilisearch: `npm start` runs the bundled one. */
  meiliHost: string | null;
  meiliMasterKey: string | null;
  /** The Meilisearch index name (tests give each run its own). */
  meiliIndex: string;
  /** Port of the bundled Meilisearch that `npm start` runs when MEILI_HOST is unset. */
  meiliPort: number;
  /** Hosts whose https images posts show (IMAGE_HOSTS); images from elsewhere are kept as links. */
  imageHosts: string[];
  /** Whether the API answers schema introspection (on outside production unless GRAPHQL_INTROSPECTION says otherwise). */
  graphqlIntrospection: boolean;
  /** Longest a statement of an API request may run or wait for a lock before it is cancelled (0: no limit). */
  statementTimeoutMs: number;
  /** What one GraphQL operation may ask for: nesting depth, aliases, and cost (see common/graphql-limits.ts). */
  graphql: GraphQLLimits;
  /** How many first posts of a NEW member (not an employee) wait for a moderator before anyone else sees them; 0: none. */
  newMemberReviewPosts: number;
  /** The weight of open flags (each flagger's trust level's flag weight) that hides a post pending review. */
  flagHideThreshold: number;
  /** Whether new posts go through the spam checks (links, repeats, blocked words and domains); off for load tests and private deployments. */
  spamChecks: boolean;
  /** Minutes within which the same body from the same author is held by the spam checks as a repeat (0: never). */
  spamRepeatWindowMinutes: number;
  /** true: an account exists only once its e-mailed link was followed; false: register makes it at once (private deployments, load tests). */
  requireEmailVerification: boolean;
  /** Tests only: the request DataSource counts the SQL statements it sends (database/statement-counter.ts). */
  countSqlStatements: boolean;
  /**
   * Whether background work runs on its own timers (sweeps, outboxes, folds, the flushes of buffered writes). Not
   * a variable: off under NODE_ENV=test, where tests run passes on demand, and in processes that replay history
   * (the demo seed) and must be the only writer while they do; on everywhere else.
   */
  backgroundTimers: boolean;
  /** argon2id's cost for the API's password hashes (auth/passwords.ts). Not a variable: `least` under NODE_ENV=test only. */
  passwordHashCost: PasswordHashCost;
}

export type PasswordHashCost = 'recommended' | 'least';

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

type Env = Record<string, string | undefined>;

class EnvReader {
  readonly problems: string[] = [];
  constructor(private readonly env: Env) {}

  private raw(name: string): string | undefined {
    const value = this.env[name];
    return value === undefined || value.trim() === '' ? undefined : value.trim();
  }

  string(name: string, fallback: string): string {
    return this.raw(name) ?? fallback;
  }

  optional(name: string): string | null {
    return this.raw(name) ?? null;
  }

  integer(name: string, fallback: number, min: number, max: number): number {
    const value = this.raw(name);
    if (value === undefined) return fallback;
    const parsed = Number(value);
    if (!Number.isInteger(parsed) || parsed < min || parsed > max) {
      this.problems.push(`${name}="${value}" must be a whole number from ${min} to ${max}`);
      return fallback;
    }
    return parsed;
  }

  oneOf<T extends string>(name: string, fallback: T, allowed: readonly T[]): T {
    const value = this.raw(name);
    if (value === undefined) return fallback;
    if (!(allowed as readonly string[]).includes(value)) {
      this.problems.push(`${name}="${value}" must be one of: ${allowed.join(', ')}`);
      return fallback;
    }
    return value as T;
  }

  /** A URL with one of these protocols; `example` shows the expected shape in the message. */
  url(name: string, protocols: readonly string[], example: string): string | null {
    const value = this.raw(name);
    if (value === undefined) return null;
    try {
      const url = new URL(value);
      if (!protocols.includes(url.protocol.replace(/:$/, ''))) {
        this.problems.push(`${name} must be a ${protocols.map((p) => `${p}://`).join(' or ')} URL (got "${url.protocol}"), e.g. ${example}`);
      }
    } catch {
      this.problems.push(`${name} is not a valid URL (expected e.g. ${example})`);
    }
    return value;
  }

  /** An address for a From: header, bare (`a@b.c`) or with a name (`Name <a@b.c>`). */
  mailbox(name: string, fallback: string): string {
    const value = this.raw(name);
    if (value === undefined) return fallback;
    if (!/^(?:[^<>\r\n]*<[^\s@<>]+@[^\s@<>]+>|[^\s@<>]+@[^\s@<>]+)$/.test(value)) {
      this.problems.push(`${name}="${value}" must be an e-mail address, e.g. help@example.com or "Peerdesk <help@example.com>"`);
      return fallback;
    }
    return value;
  }

  /** A value matching `pattern`; `shape` describes it in the message. */
  matching(name: string, fallback: string, pattern: RegExp, shape: string): string {
    const value = this.raw(name);
    if (value === undefined) return fallback;
    if (!pattern.test(value)) {
      this.problems.push(`${name}="${value}" must be ${shape}`);
      return fallback;
    }
    return value;
  }

  /** Host names separated by commas or spaces. */
  imageHosts(name: string): string[] {
    const { hosts, invalid } = parseImageHosts(this.raw(name));
    if (invalid.length > 0) this.problems.push(`${name} must list host names such as i.imgur.com, separated by commas (not: ${invalid.join(', ')})`);
    return hosts;
  }

  /** Overrides of the default rate limits, `ask.account=5/1h,search.ip=300/1m`. */
  rateRules(name: string): { rules: RateRules; trust: TrustRateLimits } {
    const { rules, trust, problems } = parseRateRules(this.raw(name));
    this.problems.push(...problems.map((p) => `${name}: ${p}`));
    return { rules, trust };
  }

  /** The thresholds of automatic promotion, each one TRUST_<LEVEL>_<FIGURE>; REGULAR's must not be below MEMBER's. */
  trustThresholds(): TrustThresholds {
    const d = DEFAULT_TRUST_THRESHOLDS;
    const n = (name: string, fallback: number) => this.integer(name, fallback, 0, 1_000_000);
    const thresholds: TrustThresholds = {
      basic: { daysVisited: n('TRUST_BASIC_DAYS_VISITED', d.basic.daysVisited), postsRead: n('TRUST_BASIC_POSTS_READ', d.basic.postsRead) },
      member: {
        daysVisited: n('TRUST_MEMBER_DAYS_VISITED', d.member.daysVisited),
        postsRead: n('TRUST_MEMBER_POSTS_READ', d.member.postsRead),
        answersAccepted: n('TRUST_MEMBER_ANSWERS_ACCEPTED', d.member.answersAccepted),
      },
      regular: {
        daysVisited: n('TRUST_REGULAR_DAYS_VISITED', d.regular.daysVisited),
        reputation: n('TRUST_REGULAR_REPUTATION', d.regular.reputation),
        answersAccepted: n('TRUST_REGULAR_ANSWERS_ACCEPTED', d.regular.answersAccepted),
        maxFlagsUpheld: n('TRUST_REGULAR_MAX_FLAGS_UPHELD', d.regular.maxFlagsUpheld),
      },
    };
    const { basic, member, regular } = thresholds;
    if (member.daysVisited < basic.daysVisited || regular.daysVisited < member.daysVisited) {
      this.problems.push(`TRUST_BASIC_DAYS_VISITED (${basic.daysVisited}) ≤ TRUST_MEMBER_DAYS_VISITED (${member.daysVisited}) ≤ TRUST_REGULAR_DAYS_VISITED (${regular.daysVisited}) must hold: a higher level asks for more`);
    }
    if (member.postsRead < basic.postsRead) this.problems.push(`TRUST_MEMBER_POSTS_READ (${member.postsRead}) must be at least TRUST_BASIC_POSTS_READ (${basic.postsRead})`);
    if (regular.answersAccepted < member.answersAccepted) {
      this.problems.push(`TRUST_REGULAR_ANSWERS_ACCEPTED (${regular.answersAccepted}) must be at least TRUST_MEMBER_ANSWERS_ACCEPTED (${member.answersAccepted})`);
    }
    return thresholds;
  }

  /** `false`, a hop count (1–10), or a list of addresses, subnets and loopback/linklocal/uniquelocal. */
  trustProxy(name: string): false | number | string[] {
    const value = this.raw(name);
    if (value === undefined || value === 'false') return false;
    if (/^\d+$/.test(value)) {
      const hops = Number(value);
      if (hops >= 1 && hops <= 10) return hops;
    } else {
      const entries = value.split(',').map((e) => e.trim()).filter(Boolean);
      const fits = (e: string) => {
        if (['loopback', 'linklocal', 'uniquelocal'].includes(e)) return true;
        const [address, bits, ...rest] = e.split('/');
        const family = isIP(address);
        if (!family || rest.length > 0) return false;
        return bits === undefined || (/^\d+$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128));
      };
      if (entries.length > 0 && entries.every(fits)) return entries;
    }
    this.problems.push(
      `${name}="${value}" must be false, a number of proxies from 1 to 10, or the proxies' addresses or subnets (or loopback, linklocal, uniquelocal), e.g. loopback or 10.0.0.0/8`,
    );
    return false;
  }

  postgresUrl(name: string): string | null {
    const value = this.raw(name);
    if (value === undefined) return null;
    try {
      const url = new URL(value);
      if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
        this.problems.push(`${name} must be a postgres:// or postgresql:// URL (got "${url.protocol}")`);
      } else if (!url.pathname || url.pathname === '/') {
        this.problems.push(`${name} must name a database, e.g. postgres://user:pass@host:5432/peerdesk`);
      }
    } catch {
      this.problems.push(`${name} is not a valid URL (expected postgres://user:pass@host:5432/peerdesk)`);
    }
    return value;
  }
}

export function loadConfig(env: Env = process.env): AppConfig {
  const read = new EnvReader(env);
  const seedDemo = read.oneOf('SEED_DEMO', 'auto', ['auto', 'true', 'false'] as const);
  const nodeEnv = read.oneOf('NODE_ENV', 'development', ['development', 'production', 'test'] as const);
  const webPort = read.integer('WEB_PORT', 3000, 1, 65535);
  const config: AppConfig = {
    nodeEnv,
    host: read.string('HOST', '0.0.0.0'),
    port: read.integer('PORT', 4000, 1, 65535),
    webPort,
    origin: read.url('ORIGIN', ['http', 'https'], 'https://help.example.com')?.replace(/\/+$/, '') ?? `http://localhost:${webPort}`,
    databaseUrl: read.postgresUrl('DATABASE_URL'),
    embeddedPostgresPort: read.integer('EMBEDDED_PG_PORT', 5433, 1, 65535),
    dataDir: read.string('DATA_DIR', '.data'),
    sessionTtlDays: read.integer('SESSION_TTL_DAYS', 30, 1, 365),
    seedDemo: seedDemo === 'auto' ? 'auto' : seedDemo === 'true',
    rateLimits: {
      enabled: read.oneOf('RATE_LIMITS', 'on', ['on', 'off'] as const) === 'on',
      ...read.rateRules('RATE_LIMIT_RULES'),
    },
    trustThresholds: read.trustThresholds(),
    trustLevelSweepSeconds: read.integer('TRUST_LEVEL_SWEEP_SECONDS', 300, 0, 86400),
    pageCacheSeconds: read.integer('PAGE_CACHE_SECONDS', 10, 0, 300),
    trustProxy: read.trustProxy('TRUST_PROXY'),
    escalationSweepSeconds: read.integer('ESCALATION_SWEEP_SECONDS', 60, 0, 86400),
    // Below the longest unsolved window (720 hours), which a reminder must come before.
    acceptReminderHours: read.integer('ACCEPT_REMINDER_HOURS', 24, 0, 719),
    acceptReminderLinkDays: read.integer('ACCEPT_REMINDER_LINK_DAYS', 14, 1, 90),
    publicUrl: read.url('PUBLIC_URL', ['http', 'https'], 'https://help.example.com')?.replace(/\/+$/, '') ?? null,
    smtpUrl: read.url('SMTP_URL', ['smtp', 'smtps'], 'smtp://user:pass@mail.example.com:587'),
    mailFrom: read.mailbox('MAIL_FROM', 'Peerdesk <peerdesk@localhost>'),
    outboxPollSeconds: read.integer('OUTBOX_POLL_SECONDS', 10, 1, 3600),
    searchEngine: read.oneOf('SEARCH_ENGINE', env.MEILI_HOST?.trim() ? 'meilisearch' : 'postgres', ['postgres', 'meilisearch'] as const),
    searchLanguage: read.matching('SEARCH_LANGUAGE', 'english', /^[a-z_]+$/, 'a PostgreSQL text search configuration name (lower-case letters and _), e.g. english, french, simple'),
    meiliHost: read.url('MEILI_HOST', ['http', 'https'], 'http://127.0.0.1:7700')?.replace(/\/+$/, '') ?? null,
    meiliMasterKey: read.optional('MEILI_MASTER_KEY'),
    meiliPort: read.integer('MEILI_PORT', 7700, 1, 65535),
    meiliIndex: read.matching('MEILI_INDEX', 'questions', /^[A-Za-z0-9_-]{1,400}$/, 'a Meilisearch index name (letters, digits, - and _)'),
    imageHosts: read.imageHosts('IMAGE_HOSTS'),
    graphqlIntrospection: read.oneOf('GRAPHQL_INTROSPECTION', nodeEnv === 'production' ? 'false' : 'true', ['true', 'false'] as const) === 'true',
    statementTimeoutMs: read.integer('STATEMENT_TIMEOUT_MS', 5000, 0, 600_000),
    graphql: {
      maxDepth: read.integer('GRAPHQL_MAX_DEPTH', 10, 2, 100),
      maxAliases: read.integer('GRAPHQL_MAX_ALIASES', 15, 0, 1000),
      maxCost: read.integer('GRAPHQL_MAX_COST', 5000, 10, 1_000_000),
    },
    newMemberReviewPosts: read.integer('NEW_MEMBER_REVIEW_POSTS', 2, 0, 100),
    flagHideThreshold: read.integer('FLAG_HIDE_THRESHOLD', 3, 1, 1000),
    spamChecks: read.oneOf('SPAM_CHECKS', 'on', ['on', 'off'] as const) === 'on',
    spamRepeatWindowMinutes: read.integer('SPAM_REPEAT_WINDOW_MINUTES', DEFAULT_SPAM_REPEAT_WINDOW_MINUTES, 0, 1440),
    requireEmailVerification: read.oneOf('REQUIRE_EMAIL_VERIFICATION', 'true', ['true', 'false'] as const) === 'true',
    countSqlStatements: read.oneOf('COUNT_SQL_STATEMENTS', 'off', ['on', 'off'] as const) === 'on',
    backgroundTimers: nodeEnv !== 'test',
    passwordHashCost: nodeEnv === 'test' ? 'least' : 'recommended',
  };
  if (config.countSqlStatements && nodeEnv !== 'test') read.problems.push('COUNT_SQL_STATEMENTS=on is for the tests only (NODE_ENV=test)');
  if (config.port === config.webPort) read.problems.push(`PORT and WEB_PORT must differ (both are ${config.port})`);
  if (read.problems.length > 0) throw new ConfigError(read.problems);
  return config;
}
