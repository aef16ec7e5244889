/**
 * Three tiers, one runner (Jest 30 in native ESM mode, because NestJS 12 is ESM-only):
 *   unit     specs beside the code, no services;
 *   e2e      the app booted on real MariaDB/Redis (or the embedded default), its own database per run;
 *   browser  the portal in Debian's Chromium against the real API;
 *   bench    speed figures on the production start (`npm run bench`, not part of `npm test`).
 */
const esm = {
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: {
    '^@practice-cloud/contracts$': '<rootDir>/libs/contracts/src/index.ts',
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  transform: { '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: '<rootDir>/tsconfig.spec.json' }] },
  testEnvironment: 'node',
  rootDir: '.',
};

export default {
  projects: [
    { ...esm, displayName: 'unit', testMatch: ['<rootDir>/api/src/**/*.spec.ts', '<rootDir>/libs/**/src/**/*.spec.ts'] },
    {
      ...esm,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/e2e/**/*.e2e-spec.ts'],
      // The timeout (60 s) is set there: `testTimeout` has no effect inside `projects`.
      setupFilesAfterEnv: ['<rootDir>/test/support/e2e-setup.ts'],
    },
    {
      ...esm,
      displayName: 'browser',
      testMatch: ['<rootDir>/test/browser/**/*.browser.spec.ts'],
      setupFilesAfterEnv: ['<rootDir>/test/browser/browser-setup.ts'],
    },
    { ...esm, displayName: 'bench', testMatch: ['<rootDir>/test/bench/**/*.bench.ts'] },
  ],
};
