import { DEFAULT_RATE_RULES, DEFAULT_TRUST_THRESHOLDS, TRUST_RATE_LIMITS } from '@peerdesk/domain';
import { ConfigError, loadConfig } from './config';

describe('loadConfig', () => {
  it('has working defaults for a newcomer with nothing set', () => {
    expect(loadConfig({})).toEqual({
      nodeEnv: 'development', host: '0.0.0.0', port: 4000, webPort: 3000, origin: 'http://localhost:3000', databaseUrl: null, embeddedPostgresPort: 5433,
      dataDir: '.data', sessionTtlDays: 30, seedDemo: 'auto', escalationSweepSeconds: 60, acceptReminderHours: 24, acceptReminderLinkDays: 14,
      rateLimits: { enabled: true, rules: DEFAULT_RATE_RULES, trust: TRUST_RATE_LIMITS }, trustProxy: false,
      trustThresholds: DEFAULT_TRUST_THRESHOLDS, trustLevelSweepSeconds: 300,
      publicUrl: null, smtpUrl: null, mailFrom: 'Peerdesk <peerdesk@localhost>', outboxPollSeconds: 10, pageCacheSeconds: 10,
      searchEngine: 'postgres', searchLanguage: 'english', meiliHost: null, meiliMasterKey: null, meiliIndex: 'questions', meiliPort: 7700,
      imageHosts: [], graphqlIntrospection: true, statementTimeoutMs: 5000,
      graphql: { maxDepth: 10, maxAliases: 15, maxCost: 5000 }, countSqlStatements: false, backgroundTimers: true, passwordHashCost: 'recommended',
      newMemberReviewPosts: 2, flagHideThreshold: 3, spamChecks: true, spamRepeatWindowMinutes: 10, requireEmailVerification: true,
    });
  });

  it('reads every variable', () => {
    const config = loadConfig({
      NODE_ENV: 'production', HOST: '127.0.0.1', PORT: '8080', WEB_PORT: '8081', ORIGIN: 'https://help.example.com/', DATABASE_URL: 'postgres://u:p@db:5432/peerdesk',
      EMBEDDED_PG_PORT: '6543', DATA_DIR: '/var/lib/peerdesk', SESSION_TTL_DAYS: '7', SEED_DEMO: 'false', ESCALATION_SWEEP_SECONDS: '15', ACCEPT_REMINDER_HOURS: '12', ACCEPT_REMINDER_LINK_DAYS: '7',
      RATE_LIMITS: 'off', RATE_LIMIT_RULES: 'ask.account=5/1h,login.ip=50/2h', TRUST_PROXY: 'loopback, 10.0.0.0/8',
      PUBLIC_URL: 'https://help.example.com/', SMTP_URL: 'smtps://u:p@mail.example.com:465', MAIL_FROM: 'Help <help@example.com>',
      OUTBOX_POLL_SECONDS: '30', SEARCH_LANGUAGE: 'french', MEILI_HOST: 'https://search.example.com/', MEILI_MASTER_KEY: 'k3y',
      MEILI_INDEX: 'peerdesk_questions', MEILI_PORT: '7701', GRAPHQL_MAX_DEPTH: '12', GRAPHQL_MAX_ALIASES: '5', GRAPHQL_MAX_COST: '20000', IMAGE_HOSTS: 'i.imgur.com, images.example.com', GRAPHQL_INTROSPECTION: 'true',
      STATEMENT_TIMEOUT_MS: '2500', NEW_MEMBER_REVIEW_POSTS: '0', FLAG_HIDE_THRESHOLD: '10', SPAM_CHECKS: 'off', SPAM_REPEAT_WINDOW_MINUTES: '30', TRUST_BASIC_DAYS_VISITED: '2', TRUST_BASIC_POSTS_READ: '10', TRUST_MEMBER_DAYS_VISITED: '20',
      TRUST_MEMBER_POSTS_READ: '150', TRUST_MEMBER_ANSWERS_ACCEPTED: '2', TRUST_REGULAR_DAYS_VISITED: '60', TRUST_REGULAR_REPUTATION: '500',
      TRUST_REGULAR_ANSWERS_ACCEPTED: '20', TRUST_REGULAR_MAX_FLAGS_UPHELD: '0', TRUST_LEVEL_SWEEP_SECONDS: '60',
      REQUIRE_EMAIL_VERIFICATION: 'false', PAGE_CACHE_SECONDS: '30',
    });
    expect(config).toEqual({
      nodeEnv: 'production', host: '127.0.0.1', port: 8080, webPort: 8081, origin: 'https://help.example.com', databaseUrl: 'postgres://u:p@db:5432/peerdesk',
      embeddedPostgresPort: 6543, dataDir: '/var/lib/peerdesk', sessionTtlDays: 7, seedDemo: false, escalationSweepSeconds: 15, acceptReminderHours: 12, acceptReminderLinkDays: 7,
      rateLimits: {
        enabled: false,
        rules: { ...DEFAULT_RATE_RULES, 'ask.account': { limit: 5, windowSeconds: 3600, kind: 'window' }, 'login.ip': { limit: 50, windowSeconds: 7200, kind: 'progressive' } },
        trust: TRUST_RATE_LIMITS,
      },
      trustThresholds: {
        basic: { daysVisited: 2, postsRead: 10 },
        member: { daysVisited: 20, postsRead: 150, answersAccepted: 2 },
        regular: { daysVisited: 60, reputation: 500, answersAccepted: 20, maxFlagsUpheld: 0 },
      },
      trustLevelSweepSeconds: 60,
      trustProxy: ['loopback', '10.0.0.0/8'],
      publicUrl: 'https://help.example.com', smtpUrl: 'smtps://u:p@mail.example.com:465', mailFrom: 'Help <help@example.com>', outboxPollSeconds: 30, pageCacheSeconds: 30,
      // MEILI_HOST alone picks the Meilisearch engine.
      searchEngine: 'meilisearch', searchLanguage: 'french', meiliHost: 'https://search.example.com', meiliMasterKey: 'k3y',
      meiliIndex: 'peerdesk_questions', meiliPort: 7701, statementTimeoutMs: 2500,
      imageHosts: ['i.imgur.com', 'images.example.com'], graphqlIntrospection: true,
      graphql: { maxDepth: 12, maxAliases: 5, maxCost: 20000 }, countSqlStatements: false, backgroundTimers: true, passwordHashCost: 'recommended',
      newMemberReviewPosts: 0, flagHideThreshold: 10, spamChecks: false, spamRepeatWindowMinutes: 30, requireEmailVerification: false,
    });
  });

  it('reports every mistake at once, naming the variable and what is wrong', () => {
    let caught: unknown;
    try {
      loadConfig({ PORT: 'eighty', NODE_ENV: 'staging', DATABASE_URL: 'mysql://x@y/z', SESSION_TTL_DAYS: '0', SEED_DEMO: 'yes' });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    expect((caught as ConfigError).problems).toEqual([
      'SEED_DEMO="yes" must be one of: auto, true, false',
      'NODE_ENV="staging" must be one of: development, production, test',
      'PORT="eighty" must be a whole number from 1 to 65535',
      'DATABASE_URL must be a postgres:// or postgresql:// URL (got "mysql:")',
      'SESSION_TTL_DAYS="0" must be a whole number from 1 to 365',
    ]);
  });

  it('keeps a reminder to accept below the longest unsolved window, which it must come before', () => {
    expect(loadConfig({ ACCEPT_REMINDER_HOURS: '0' }).acceptReminderHours).toBe(0);
    expect(() => loadConfig({ ACCEPT_REMINDER_HOURS: '720', ACCEPT_REMINDER_LINK_DAYS: '0' })).toThrow(
      'ACCEPT_REMINDER_HOURS="720" must be a whole number from 0 to 719',
    );
    expect(() => loadConfig({ ACCEPT_REMINDER_LINK_DAYS: '0' })).toThrow('ACCEPT_REMINDER_LINK_DAYS="0" must be a whole number from 1 to 90');
  });

  it('checks the rate limits and whom to trust for the client address', () => {
    expect(loadConfig({ TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(() => loadConfig({ RATE_LIMITS: 'no', RATE_LIMIT_RULES: 'vote.ip=many', TRUST_PROXY: 'true' })).toThrow(
      new ConfigError([
        'RATE_LIMITS="no" must be one of: on, off',
        'RATE_LIMIT_RULES: "vote.ip=many" must be <limit>=<count>/<window>, e.g. vote.ip=10/1h (window in s, m, h or d, at most 1d)',
        'TRUST_PROXY="true" must be false, a number of proxies from 1 to 10, or the proxies\' addresses or subnets (or loopback, linklocal, uniquelocal), e.g. loopback or 10.0.0.0/8',
      ]),
    );
    expect(() => loadConfig({ TRUST_PROXY: '10.0.0.0/33' })).toThrow(ConfigError);
    expect(loadConfig({ RATE_LIMIT_RULES: 'ask.new=1/1h' }).rateLimits.trust.NEW.ask).toEqual({ limit: 1, windowSeconds: 3600 });
  });

  it('checks the trust thresholds: whole numbers, a higher level asking for more', () => {
    expect(() => loadConfig({ TRUST_BASIC_POSTS_READ: '-1', TRUST_MEMBER_DAYS_VISITED: '60', TRUST_REGULAR_ANSWERS_ACCEPTED: '0', TRUST_LEVEL_SWEEP_SECONDS: 'often' })).toThrow(
      new ConfigError([
        'TRUST_BASIC_POSTS_READ="-1" must be a whole number from 0 to 1000000',
        'TRUST_BASIC_DAYS_VISITED (1) ≤ TRUST_MEMBER_DAYS_VISITED (60) ≤ TRUST_REGULAR_DAYS_VISITED (50) must hold: a higher level asks for more',
        'TRUST_REGULAR_ANSWERS_ACCEPTED (0) must be at least TRUST_MEMBER_ANSWERS_ACCEPTED (1)',
        'TRUST_LEVEL_SWEEP_SECONDS="often" must be a whole number from 0 to 86400',
      ]),
    );
  });

  it('checks the web address, mail and webhook settings', () => {
    expect(() => loadConfig({ SMTP_URL: 'http://mail', MAIL_FROM: 'nobody', PUBLIC_URL: 'ftp://x', OUTBOX_POLL_SECONDS: '0', ORIGIN: 'localhost:3000' })).toThrow(
      new ConfigError([
        'ORIGIN must be a http:// or https:// URL (got "localhost:"), e.g. https://help.example.com',
        'PUBLIC_URL must be a http:// or https:// URL (got "ftp:"), e.g. https://help.example.com',
        'SMTP_URL must be a smtp:// or smtps:// URL (got "http:"), e.g. smtp://user:pass@mail.example.com:587',
        'MAIL_FROM="nobody" must be an e-mail address, e.g. help@example.com or "Peerdesk <help@example.com>"',
        'OUTBOX_POLL_SECONDS="0" must be a whole number from 1 to 3600',
      ]),
    );
  });

  it('turns introspection off in production unless asked for', () => {
    expect(loadConfig({ NODE_ENV: 'production' }).graphqlIntrospection).toBe(false);
    expect(loadConfig({ NODE_ENV: 'test' }).graphqlIntrospection).toBe(true);
    expect(loadConfig({ NODE_ENV: 'development', GRAPHQL_INTROSPECTION: 'false' }).graphqlIntrospection).toBe(false);
  });

  it('checks the image hosts', () => {
    expect(() => loadConfig({ IMAGE_HOSTS: 'i.imgur.com, https://cdn.example.com' })).toThrow(
      new ConfigError(['IMAGE_HOSTS must list host names such as i.imgur.com, separated by commas (not: https://cdn.example.com)']),
    );
  });

  it('checks the statement timeout (0 turns it off)', () => {
    expect(loadConfig({ STATEMENT_TIMEOUT_MS: '0' }).statementTimeoutMs).toBe(0);
    expect(() => loadConfig({ STATEMENT_TIMEOUT_MS: '5s' })).toThrow('STATEMENT_TIMEOUT_MS="5s" must be a whole number from 0 to 600000');
  });

  it('checks the first-post hold and the flag threshold', () => {
    expect(() => loadConfig({ NEW_MEMBER_REVIEW_POSTS: '-1', FLAG_HIDE_THRESHOLD: '0' })).toThrow(
      /NEW_MEMBER_REVIEW_POSTS="-1" must be a whole number from 0 to 100[^]*FLAG_HIDE_THRESHOLD="0" must be a whole number from 1 to 1000/);
  });

  it('checks the spam repeat window (0 turns the repeat check off)', () => {
    expect(loadConfig({ SPAM_REPEAT_WINDOW_MINUTES: '0' }).spamRepeatWindowMinutes).toBe(0);
    expect(() => loadConfig({ SPAM_REPEAT_WINDOW_MINUTES: '1441' })).toThrow('SPAM_REPEAT_WINDOW_MINUTES="1441" must be a whole number from 0 to 1440');
  });

  it('checks the e-mail verification switch', () => {
    expect(() => loadConfig({ REQUIRE_EMAIL_VERIFICATION: 'no' })).toThrow('REQUIRE_EMAIL_VERIFICATION="no" must be one of: true, false');
  });

  it('counts SQL statements only for the tests', () => {
    expect(loadConfig({ NODE_ENV: 'test', COUNT_SQL_STATEMENTS: 'on' }).countSqlStatements).toBe(true);
    expect(() => loadConfig({ COUNT_SQL_STATEMENTS: 'on' })).toThrow('COUNT_SQL_STATEMENTS=on is for the tests only (NODE_ENV=test)');
    expect(() => loadConfig({ NODE_ENV: 'test', COUNT_SQL_STATEMENTS: 'yes' })).toThrow('COUNT_SQL_STATEMENTS="yes" must be one of: on, off');
  });

  it('runs background timers everywhere but under NODE_ENV=test', () => {
    expect(loadConfig({ NODE_ENV: 'production' }).backgroundTimers).toBe(true);
    expect(loadConfig({ NODE_ENV: 'development' }).backgroundTimers).toBe(true);
    expect(loadConfig({ NODE_ENV: 'test' }).backgroundTimers).toBe(false);
  });

  it('hashes passwords at the recommended cost everywhere but under NODE_ENV=test', () => {
    expect(loadConfig({ NODE_ENV: 'production' }).passwordHashCost).toBe('recommended');
    expect(loadConfig({ NODE_ENV: 'development' }).passwordHashCost).toBe('recommended');
    expect(loadConfig({ NODE_ENV: 'test' }).passwordHashCost).toBe('least');
  });

  it('checks the GraphQL limits', () => {
    expect(() => loadConfig({ GRAPHQL_MAX_DEPTH: '1', GRAPHQL_MAX_ALIASES: 'many', GRAPHQL_MAX_COST: '0' })).toThrow(
      new ConfigError([
        'GRAPHQL_MAX_DEPTH="1" must be a whole number from 2 to 100',
        'GRAPHQL_MAX_ALIASES="many" must be a whole number from 0 to 1000',
        'GRAPHQL_MAX_COST="0" must be a whole number from 10 to 1000000',
      ]),
    );
  });

  it('checks the search settings', () => {
    expect(() => loadConfig({ SEARCH_ENGINE: 'elastic', SEARCH_LANGUAGE: 'French!', MEILI_HOST: 'tcp://x', MEILI_INDEX: 'a b' })).toThrow(
      /SEARCH_ENGINE="elastic" must be one of: postgres, meilisearch[\s\S]*SEARCH_LANGUAGE[\s\S]*MEILI_HOST must be a http:\/\/ or https:\/\/ URL[\s\S]*MEILI_INDEX/,
    );
  });

  it('rejects a database URL without a database and clashing ports', () => {
    expect(() => loadConfig({ DATABASE_URL: 'postgres://u@host:5432', PORT: '3000' })).toThrow(
      /DATABASE_URL must name a database[\s\S]*PORT and WEB_PORT must differ/,
    );
  });
});
