/** Unit tests of the web app's logic (pure functions; the chart itself is tested in Chromium). */
module.exports = {
  displayName: 'web',
  testEnvironment: 'node',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }] },
  moduleNameMapper: { '^@tracker/(contracts|schedule)$': '<rootDir>/../../libs/$1/src/index.ts' },
};
