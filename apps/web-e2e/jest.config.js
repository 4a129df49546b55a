/**
 * End-to-end tests: the built app started as `npm start` starts it (embedded Postgres, migrations,
 * seed), driven in Debian's Chromium through playwright-core.
 */
module.exports = {
  displayName: 'e2e',
  testEnvironment: 'node',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }] },
  moduleNameMapper: { '^@tracker/(contracts|schedule)$': '<rootDir>/../../libs/$1/src/index.ts' },
  globalSetup: '<rootDir>/src/support/global-setup.mjs',
  globalTeardown: '<rootDir>/src/support/global-teardown.mjs',
  testTimeout: 90_000,
};
