import { jest } from '@jest/globals';

// Jest ignores `testTimeout` inside `projects` (jestjs/jest#9759) and would stop every e2e test at 5 s, which a
// busy machine exceeds while argon2 hashes a set of backup codes. The e2e project's timeout is set here instead.
jest.setTimeout(60_000);
