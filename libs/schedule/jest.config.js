/** Unit tests of the date and schedule logic. */
module.exports = {
  displayName: 'schedule',
  testEnvironment: '<rootDir>/test/timezone-environment.js',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }] },
};
