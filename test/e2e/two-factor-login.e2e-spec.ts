import { describe, expect, it } from '@jest/globals';
import { LoginChallenge } from '../../api/src/auth/entities/login-challenge.entity.js';
import { totpCode } from '../support/authenticator.js';
import { expire } from '../support/database.js';
import { createPractice, enableTwoFactor, passwordStep, signIn, type TestUser } from '../support/practice-factory.js';
import { useTestApp } from '../support/suite.js';
import type { Authenticator } from '../support/authenticator.js';
import { hashToken } from '../../api/src/common/crypto/tokens.js';
import { User } from '../../api/src/users/entities/user.entity.js';

/** Help page: signing in with a code from the authenticator app, and every way the second step says no. */
describe('signing in with two-factor authentication', () => {
  const suite = useTestApp();

  /** A fresh user with 2FA on, so each test starts with no used steps and no failures. */
  async function userWithTwoFactor(): Promise<{ user: TestUser; app: Authenticator }> {
    const practice = await createPractice(suite.testApp);
    const { app } = await enableTwoFactor(await signIn(suite.api, practice.admin));
    return { user: practice.admin, app };
  }

  const secondStep = (challengeToken: string, body: Record<string, unknown>) =>
    suite.api.post('/auth/login/two-factor', { challengeToken, ...body });

  it('asks for a code after the password, with a challenge good for 5 minutes', async () => {
    const { user, app } = await userWithTwoFactor();
    const login = await suite.api.post('/auth/login', { email: user.email.toUpperCase(), password: user.password });
    expect(login.status).toBe(200);
    expect(Object.keys(login.body).sort()).toEqual(['challengeToken', 'expiresAt', 'status']);
    expect(login.body.status).toBe('TWO_FACTOR_REQUIRED');
    const lifetime = Date.parse(login.body.expiresAt) - Date.now();
    expect(lifetime).toBeGreaterThan(4.5 * 60_000);
    expect(lifetime).toBeLessThanOrEqual(5 * 60_000);

    const code = await app.nextCode();
    const second = await secondStep(login.body.challengeToken, { code: `${code.slice(0, 3)} ${code.slice(3)}` });
    expect(second.status).toBe(200);
    expect(second.body).toMatchObject({ status: 'AUTHENTICATED', user: { email: user.email, twoFactor: { enabled: true } } });
    expect(second.body.trustedDeviceToken).toBeUndefined();
    expect((await suite.api.withToken(second.body.accessToken).get('/clients')).status).toBe(200);
  });

  it('answers a wrong password and an unknown email the same way', async () => {
    const { user } = await userWithTwoFactor();
    const wrong = await suite.api.post('/auth/login', { email: user.email, password: 'not the password' });
    const unknown = await suite.api.post('/auth/login', { email: 'nobody@practice.test', password: 'not the password' });
    for (const response of [wrong, unknown]) {
      expect(response.status).toBe(401);
      expect(response.body.code).toBe('INVALID_CREDENTIALS');
    }
    expect(unknown.body.message).toBe(wrong.body.message);
  });

  it('accepts one step of drift either way and no more', async () => {
    const { user, app } = await userWithTwoFactor();
    for (const offset of [-3, 2, 3]) {
      const response = await secondStep(await passwordStep(suite.api, user), { code: totpCode(app.secret, offset) });
      expect(response.body.code).toBe('INVALID_TWO_FACTOR_CODE');
    }
    // The steps after the verifying one: one step ahead still works.
    expect((await secondStep(await passwordStep(suite.api, user), { code: totpCode(app.secret, 1) })).status).toBe(200);
  });

  it('accepts a code once: the same step fails the next time', async () => {
    const { user, app } = await userWithTwoFactor();
    const code = await app.nextCode();
    expect((await secondStep(await passwordStep(suite.api, user), { code })).status).toBe(200);
    const reuse = await secondStep(await passwordStep(suite.api, user), { code });
    expect(reuse.status).toBe(401);
    expect(reuse.body.code).toBe('INVALID_TWO_FACTOR_CODE');
  });

  it('lets exactly one of two simultaneous sign-ins with the same code win', async () => {
    const { user, app } = await userWithTwoFactor();
    const [first, second] = [await passwordStep(suite.api, user), await passwordStep(suite.api, user)];
    const code = await app.nextCode();
    const responses = await Promise.all([secondStep(first, { code }), secondStep(second, { code })]);
    expect(responses.map((response) => response.status).sort()).toEqual([200, 401]);
    expect(responses.find((response) => response.status === 401)?.body.code).toBe('INVALID_TWO_FACTOR_CODE');
  });

  it('lets one of two right codes sent at once on one challenge sign in, and the other spend nothing', async () => {
    const { user, app } = await userWithTwoFactor();
    const challengeToken = await passwordStep(suite.api, user);
    const codes = [await app.nextCode(), await app.nextCode()];
    const responses = await Promise.all(codes.map((code) => secondStep(challengeToken, { code })));
    expect(responses.map((response) => response.status).sort()).toEqual([200, 401]);
    expect(responses.find((response) => response.status === 401)?.body.code).toBe('CHALLENGE_EXPIRED');
    // The step spent is the winner's: the other code was never claimed.
    const winner = codes[responses.findIndex((response) => response.status === 200)];
    const { totpLastStep } = await suite.testApp.dataSource.getRepository(User).findOneByOrFail({ id: user.id });
    expect(totpCode(app.secret, 0, totpLastStep! * 30_000)).toBe(winner);
  });

  it('uses a challenge once', async () => {
    const { user, app } = await userWithTwoFactor();
    const challengeToken = await passwordStep(suite.api, user);
    expect((await secondStep(challengeToken, { code: await app.nextCode() })).status).toBe(200);
    const again = await secondStep(challengeToken, { code: await app.nextCode() });
    expect(again.status).toBe(401);
    expect(again.body.code).toBe('CHALLENGE_EXPIRED');
  });

  it('lets a challenge expire after 5 minutes, even for a right code', async () => {
    const { user, app } = await userWithTwoFactor();
    const challengeToken = await passwordStep(suite.api, user);
    await expire(suite.testApp, LoginChallenge, { tokenHash: hashToken(challengeToken) });
    const late = await secondStep(challengeToken, { code: await app.nextCode() });
    expect(late.status).toBe(401);
    expect(late.body.code).toBe('CHALLENGE_EXPIRED');
    expect((await secondStep('an-unknown-challenge-token-of-some-length', { code: '123456' })).body.code).toBe('CHALLENGE_EXPIRED');
  });

  it('rejects the challenge token anywhere but the second step', async () => {
    const { user } = await userWithTwoFactor();
    const holder = suite.api.withToken(await passwordStep(suite.api, user));
    for (const response of [
      await holder.get('/profile'),
      await holder.get('/clients'),
      await holder.post('/profile/two-factor/setup'),
      await holder.post('/auth/logout'),
    ]) {
      expect(response.status).toBe(401);
      expect(response.body.code).toBe('UNAUTHENTICATED');
    }
  });

  it('burns a challenge after 5 wrong codes: CHALLENGE_EXPIRED even with a right code', async () => {
    const { user, app } = await userWithTwoFactor();
    const challengeToken = await passwordStep(suite.api, user);
    for (let attempt = 1; attempt <= 5; attempt++) {
      const wrong = await secondStep(challengeToken, { code: app.wrongCode() });
      expect(wrong.status).toBe(401);
      expect(wrong.body.code).toBe('INVALID_TWO_FACTOR_CODE');
    }
    const right = await secondStep(challengeToken, { code: await app.nextCode() });
    expect(right.status).toBe(401);
    expect(right.body.code).toBe('CHALLENGE_EXPIRED');
  });

  it('counts simultaneous wrong guesses against the same 5 attempts', async () => {
    const { user, app } = await userWithTwoFactor();
    const challengeToken = await passwordStep(suite.api, user);
    const responses = await Promise.all(Array.from({ length: 8 }, () => secondStep(challengeToken, { code: app.wrongCode() })));
    const codes = responses.map((response) => response.body.code);
    expect(codes.filter((code) => code === 'INVALID_TWO_FACTOR_CODE')).toHaveLength(5);
    expect(codes.filter((code) => code === 'CHALLENGE_EXPIRED')).toHaveLength(3);
  });

  it('locks the second step for 15 minutes after 10 wrong codes in a row, then even a right code gets 429', async () => {
    const { user, app } = await userWithTwoFactor();
    for (let challenge = 0; challenge < 2; challenge++) {
      const challengeToken = await passwordStep(suite.api, user);
      for (let attempt = 0; attempt < 5; attempt++) {
        expect((await secondStep(challengeToken, { code: app.wrongCode() })).body.code).toBe('INVALID_TWO_FACTOR_CODE');
      }
    }
    const locked = await secondStep(await passwordStep(suite.api, user), { code: await app.nextCode() });
    expect(locked.status).toBe(429);
    expect(locked.body.code).toBe('TOO_MANY_ATTEMPTS');
    const retryAfter = Number(locked.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(14 * 60);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
    const backup = await secondStep(await passwordStep(suite.api, user), { backupCode: 'ABCD-EFGH-JKMN-PQRS' });
    expect(backup.status).toBe(429);

    // The lock is this account's alone.
    const other = await userWithTwoFactor();
    expect((await secondStep(await passwordStep(suite.api, other.user), { code: await other.app.nextCode() })).status).toBe(200);
  });

  it('lifts the lock after its 15 minutes', async () => {
    const { user, app } = await userWithTwoFactor();
    for (let challenge = 0; challenge < 2; challenge++) {
      const challengeToken = await passwordStep(suite.api, user);
      for (let attempt = 0; attempt < 5; attempt++) await secondStep(challengeToken, { code: app.wrongCode() });
    }
    expect((await secondStep(await passwordStep(suite.api, user), { code: app.wrongCode() })).status).toBe(429);

    await suite.testApp.dataSource.getRepository(User).update({ id: user.id }, { twoFactorLockedUntil: new Date(Date.now() - 1000) });
    expect((await secondStep(await passwordStep(suite.api, user), { code: await app.nextCode() })).status).toBe(200);
  });

  it('counts wrong codes in a row only: a right code starts the count again', async () => {
    const { user, app } = await userWithTwoFactor();
    const wrongCodes = async (n: number) => {
      let challengeToken = await passwordStep(suite.api, user);
      for (let attempt = 0; attempt < n; attempt++) {
        if (attempt > 0 && attempt % 5 === 0) challengeToken = await passwordStep(suite.api, user);
        expect((await secondStep(challengeToken, { code: app.wrongCode() })).body.code).toBe('INVALID_TWO_FACTOR_CODE');
      }
    };
    await wrongCodes(9);
    expect((await secondStep(await passwordStep(suite.api, user), { code: await app.nextCode() })).status).toBe(200);
    await wrongCodes(9);
    expect((await secondStep(await passwordStep(suite.api, user), { code: await app.nextCode() })).status).toBe(200);
  });
});
