// Five projects: pure unit tests beside the code (the functions' and shared/, and the mini-program's own),
// HTTP integration against DynamoDB Local, checks of the built weapp package, and end-to-end tests of the H5
// build in Chromium. `npm test` runs them all.
const transform = {
  '^.+\\.(t|j)sx?$': [
    '@swc/jest',
    { jsc: { parser: { syntax: 'typescript', tsx: true }, target: 'es2022', transform: { react: { runtime: 'automatic' } } }, module: { type: 'commonjs' } },
  ],
};
const base = { transform, testEnvironment: 'node', moduleFileExtensions: ['ts', 'tsx', 'js', 'json'] };

module.exports = {
  testTimeout: 60000,
  projects: [
    { ...base, displayName: 'unit', testMatch: ['<rootDir>/shared/**/*.test.ts', '<rootDir>/functions/**/*.test.ts', '<rootDir>/scripts/**/*.test.ts'] },
    {
      ...base,
      displayName: 'integration',
      testMatch: ['<rootDir>/tests/integration/**/*.test.ts'],
      globalSetup: '<rootDir>/tests/support/global-setup.ts',
      globalTeardown: '<rootDir>/tests/support/global-teardown.ts',
    },
    { ...base, displayName: 'weapp', testMatch: ['<rootDir>/tests/weapp/**/*.test.ts'] },
    {
      ...base,
      displayName: 'miniapp',
      testMatch: ['<rootDir>/miniapp/src/**/*.test.ts?(x)'],
      // The same aliases as miniapp/config/index.ts and miniapp/tsconfig.json.
      moduleNameMapper: { '^@/(.*)$': '<rootDir>/miniapp/src/$1', '^@shared/(.*)$': '<rootDir>/shared/$1' },
    },
    {
      ...base,
      displayName: 'e2e',
      testMatch: ['<rootDir>/tests/e2e/**/*.test.ts'],
      globalSetup: '<rootDir>/tests/support/global-setup.ts',
      globalTeardown: '<rootDir>/tests/support/global-teardown.ts',
    },
  ],
};
