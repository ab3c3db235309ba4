// Configuration comes from environment variables only, validated once at start-up. Every mistake is
// reported (variable, value, what is wrong), not just the first, so one restart fixes them all.

import type { GraphQLLimits } from '../common/graphql-limits';

export type NodeEnv = 'development' | 'production' | 'test';

export interface AppConfig {
  nodeEnv: NodeEnv;
  /** Where the API listens. */
  host: string;
  port: number;
  /** Where `npm start` serves the web app. */
  webPort: number;
  /** Unset: `npm start` runs an embedded PostgreSQL in `${dataDir}/pg`. */
  databaseUrl: string | null;
  embeddedPostgresPort: number;
  dataDir: string;
  sessionTtlDays: number;
  /** Seed the demo community on start when the database has no questions yet. */
  seedDemo: boolean | 'auto';
  /** Failed logins per e-mail address within 15 minutes before login answers RATE_LIMITED. */
  loginFailureLimit: number;
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
  /** Longest a statement of an API request may run or wait for a lock before it is cancelled (0: no limit). */
  statementTimeoutMs: number;
  /** What one GraphQL operation may ask for: nesting depth, aliases, and cost (see common/graphql-limits.ts). */
  graphql: GraphQLLimits;
}

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
  const config: AppConfig = {
    nodeEnv: read.oneOf('NODE_ENV', 'development', ['development', 'production', 'test'] as const),
    host: read.string('HOST', '0.0.0.0'),
    port: read.integer('PORT', 4000, 1, 65535),
    webPort: read.integer('WEB_PORT', 3000, 1, 65535),
    databaseUrl: read.postgresUrl('DATABASE_URL'),
    embeddedPostgresPort: read.integer('EMBEDDED_PG_PORT', 5433, 1, 65535),
    dataDir: read.string('DATA_DIR', '.data'),
    sessionTtlDays: read.integer('SESSION_TTL_DAYS', 30, 1, 365),
    seedDemo: seedDemo === 'auto' ? 'auto' : seedDemo === 'true',
    loginFailureLimit: read.integer('LOGIN_FAILURE_LIMIT', 10, 1, 1000),
    escalationSweepSeconds: read.integer('ESCALATION_SWEEP_SECONDS', 60, 0, 86400),
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
    statementTimeoutMs: read.integer('STATEMENT_TIMEOUT_MS', 5000, 0, 600_000),
    graphql: {
      maxDepth: read.integer('GRAPHQL_MAX_DEPTH', 10, 2, 100),
      maxAliases: read.integer('GRAPHQL_MAX_ALIASES', 15, 0, 1000),
      maxCost: read.integer('GRAPHQL_MAX_COST', 5000, 10, 1_000_000),
    },
  };
  if (config.port === config.webPort) read.problems.push(`PORT and WEB_PORT must differ (both are ${config.port})`);
  if (read.problems.length > 0) throw new ConfigError(read.problems);
  return config;
}
