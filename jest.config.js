// One jest run for the whole workspace: fast pure unit tests and integration tests on real PostgreSQL.
// NestJS 12 ships as ES modules, and jest on Node 20 cannot require() them, so tests run as native ES
// modules (`--experimental-vm-modules`, set by `npm test`); the built app stays CommonJS.
const swc = ['@swc/jest', {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true },
    target: 'es2022',
  },
  module: { type: 'es6' },
}];

// Workspace packages resolve to their TypeScript sources, so tests never need a build first.
const moduleNameMapper = {
  '^@peerdesk/domain$': '<rootDir>/packages/domain/src/index.ts',
  '^@peerdesk/migrations$': '<rootDir>/migrations/index.ts',
};

const common = { transform: { '^.+\\.ts$': swc }, extensionsToTreatAsEsm: ['.ts'], moduleNameMapper, rootDir: __dirname };

module.exports = {
  // A global option (jest ignores it inside a project): integration tests boot an API and hash passwords.
  testTimeout: 60000,
  // Two files at a time, each on a database of its own: a file spends much of its time waiting (on PostgreSQL, a
  // checkpoint, a browser, a child process), and on two cores jest's default is one file at a time. Files pick free
  // ports and name their databases at random, so two never meet.
  maxWorkers: 2,
  // A worker grows with each file (ES-module test contexts are not all freed) until GC pauses starved timing checks
  // and a late suite's set-up timed out: a worker holding more than this after a file is replaced.
  workerIdleMemoryLimit: '1200MB',
  reporters: ['default', '<rootDir>/tests/support/summary-reporter.js'],
  projects: [
    { ...common, displayName: 'domain', testMatch: ['<rootDir>/packages/*/src/**/*.spec.ts'] },
    {
      ...common,
      displayName: 'api',
      testMatch: ['<rootDir>/apps/api/src/**/*.spec.ts', '<rootDir>/tests/api/**/*.spec.ts'],
      globalSetup: '<rootDir>/tests/support/global-setup.ts',
      globalTeardown: '<rootDir>/tests/support/global-teardown.ts',
    },
    // The web app's pure helpers (chart scales, formatting): unit tests with no server.
    { ...common, displayName: 'web', testMatch: ['<rootDir>/apps/web/src/**/*.spec.ts'] },
    {
      // The built web app and the real API in Debian's Chromium (tests/support/browser.ts builds and starts them).
      ...common,
      displayName: 'browser',
      testMatch: ['<rootDir>/tests/browser/**/*.spec.ts'],
      globalSetup: '<rootDir>/tests/support/browser-global-setup.ts',
      globalTeardown: '<rootDir>/tests/support/global-teardown.ts',
    },
  ],
};
