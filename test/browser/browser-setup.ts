import { jest } from '@jest/globals';

// Jest ignores `testTimeout` inside `projects`, so the browser project sets its timeout here: a test starts
// Chromium profiles and may wait for the next 30-second TOTP step more than once.
jest.setTimeout(180_000);
