import { describe, expect, it } from '@jest/globals';
import type { ApiClient } from '../support/api-client.js';
import { createPractice, enableTwoFactor, passwordStep, signIn, TEST_PASSWORD, type TestUser } from '../support/practice-factory.js';
import { useTestApp } from '../support/suite.js';

/**
 * A signed-in session can ask for proofs again: a TOTP code for new backup codes, the password to disable 2FA.
 * Guesses there count against the same per-account limit as the sign-in code step (10 wrong in a row locks it
 * for 15 minutes), so a stolen access token cannot guess its way to backup codes that outlive it.
 */
describe('re-authentication limits', () => {
  const suite = useTestApp();

  async function userWithTwoFactor(): Promise<{ user: TestUser; client: ApiClient } & Awaited<ReturnType<typeof enableTwoFactor>>> {
    const practice = await createPractice(suite.testApp, { members: 1 });
    const user = practice.members[0];
    const client = await signIn(suite.api, user);
    return { user, client, ...(await enableTwoFactor(client)) };
  }

  const expectLocked = (response: { status: number; body: { code: string }; headers: Headers }) => {
    expect(response.status).toBe(429);
    expect(response.body.code).toBe('TOO_MANY_ATTEMPTS');
    const retryAfter = Number(response.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(14 * 60);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
  };

  it('10 wrong codes for new backup codes lock it; then even a right code gets 429, and the old codes stay', async () => {
    const { user, client, app } = await userWithTwoFactor();
    for (let attempt = 1; attempt <= 10; attempt++) {
      const wrong = await client.post('/profile/two-factor/backup-codes', { code: app.wrongCode() });
      expect({ attempt, status: wrong.status, code: wrong.body.code }).toEqual({ attempt, status: 400, code: 'INVALID_TWO_FACTOR_CODE' });
    }
    expectLocked(await client.post('/profile/two-factor/backup-codes', { code: await app.nextCode() }));
    expect((await client.get('/profile')).body.twoFactor.backupCodesRemaining).toBe(10);
    // One account, one counter: the sign-in code step is locked too.
    const challengeToken = await passwordStep(suite.api, user);
    expectLocked(await suite.api.post('/auth/login/two-factor', { challengeToken, code: await app.nextCode() }));
  });

  it('10 wrong passwords to disable 2FA lock it; then the right password gets 429 and 2FA stays on', async () => {
    const { client } = await userWithTwoFactor();
    for (let attempt = 1; attempt <= 10; attempt++) {
      const wrong = await client.post('/profile/two-factor/disable', { password: `not the password ${attempt}` });
      expect({ attempt, status: wrong.status, code: wrong.body.code }).toEqual({ attempt, status: 400, code: 'INVALID_PASSWORD' });
    }
    expectLocked(await client.post('/profile/two-factor/disable', { password: TEST_PASSWORD }));
    expect((await client.get('/profile')).body.twoFactor.enabled).toBe(true);
  });

  it('a right proof resets the count', async () => {
    const { client, app } = await userWithTwoFactor();
    for (let attempt = 1; attempt <= 9; attempt++) {
      expect((await client.post('/profile/two-factor/backup-codes', { code: app.wrongCode() })).status).toBe(400);
    }
    expect((await client.post('/profile/two-factor/backup-codes', { code: await app.nextCode() })).status).toBe(200);
    for (let attempt = 1; attempt <= 9; attempt++) {
      expect((await client.post('/profile/two-factor/disable', { password: 'wrong' })).status).toBe(400);
    }
    expect((await client.post('/profile/two-factor/disable', { password: TEST_PASSWORD })).status).toBe(204);
  });
});
