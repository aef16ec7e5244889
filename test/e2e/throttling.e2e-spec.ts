import { afterAll, afterEach, describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { RedisAttemptCounter } from '../../api/src/common/throttling/redis-attempt-counter.js';
import { ApiClient } from '../support/api-client.js';
import { RedisProcess } from '../support/redis-process.js';
import { totpCode } from '../support/authenticator.js';
import { startTestApp, TEST_REDIS_URL, type TestApp } from '../support/test-app.js';

const PASSWORD = 'the right passphrase';
const WINDOW_SECONDS = 600;
const person = (email: string) => ({ email, password: PASSWORD, firstName: 'Tess', lastName: 'Throttle' });

function limits(perIp: number, perAccount: number): Record<string, string> {
  return {
    SIGN_IN_WINDOW_SECONDS: String(WINDOW_SECONDS),
    SIGN_IN_LIMIT_PER_IP: String(perIp),
    SIGN_IN_LIMIT_PER_ACCOUNT: String(perAccount),
  };
}

function expectThrottled(response: { status: number; body: any; headers: Headers }) {
  expect(response.status).toBe(429);
  expect(response.body).toEqual({
    statusCode: 429,
    error: 'Too Many Requests',
    code: 'TOO_MANY_ATTEMPTS',
    message: expect.any(String),
  });
  const retryAfter = Number(response.headers.get('retry-after'));
  expect(retryAfter).toBeGreaterThanOrEqual(1);
  expect(retryAfter).toBeLessThanOrEqual(WINDOW_SECONDS);
}

describe('sign-in limits', () => {
  const apps: TestApp[] = [];
  const start = async (...args: Parameters<typeof startTestApp>) => {
    const testApp = await startTestApp(...args);
    apps.push(testApp);
    return testApp;
  };

  afterEach(async () => {
    await Promise.all(apps.splice(0).map((testApp) => testApp.close()));
  });

  it('per account: after the limit even the right password is refused, other accounts are not', async () => {
    const testApp = await start({ env: limits(100, 3) });
    const { practiceId } = await testApp.createPractice({ name: 'Limits & Co', admin: person('target@limits.test') });
    await testApp.createUser(practiceId, person('colleague@limits.test'));
    const api = new ApiClient(testApp.baseUrl);

    for (const email of ['target@limits.test', 'TARGET@limits.test', 'Target@Limits.Test']) {
      expect((await api.post('/auth/login', { email, password: 'a wrong guess' })).status).toBe(401);
    }
    expectThrottled(await api.post('/auth/login', { email: 'target@limits.test', password: PASSWORD }));
    expect((await api.post('/auth/login', { email: 'colleague@limits.test', password: PASSWORD })).status).toBe(200);
  });

  it('per IP: one client trying many accounts is stopped, another client is not', async () => {
    const testApp = await start({ env: limits(3, 100) });
    await testApp.createPractice({ name: 'Spray & Co', admin: person('real@spray.test') });
    const api = new ApiClient(testApp.baseUrl);

    for (const n of [1, 2, 3]) {
      expect((await api.post('/auth/login', { email: `guess${n}@spray.test`, password: 'a wrong guess' })).status).toBe(401);
    }
    expectThrottled(await api.post('/auth/login', { email: 'real@spray.test', password: PASSWORD }));
    // Behind the loopback proxy (TRUST_PROXY's default) the client is the one X-Forwarded-For names.
    const otherClient = await api.post('/auth/login', { email: 'real@spray.test', password: PASSWORD }, {
      headers: { 'x-forwarded-for': '203.0.113.7' },
    });
    expect(otherClient.status).toBe(200);
  });

  it('per account on the code step, across challenges; throttled attempts change nothing', async () => {
    const testApp = await start({ env: limits(100, 3) });
    await testApp.createPractice({ name: 'Codes & Co', admin: person('codes@limits.test') });
    const api = new ApiClient(testApp.baseUrl);
    const session = api.withToken((await api.post('/auth/login', { email: 'codes@limits.test', password: PASSWORD })).body.accessToken);
    const { secret } = (await session.post('/profile/two-factor/setup')).body;
    await session.post('/profile/two-factor/verify', { code: totpCode(secret) });
    expect((await session.post('/profile/two-factor/enable', {})).status).toBe(200);
    const challenge = async () =>
      (await api.post('/auth/login', { email: 'codes@limits.test', password: PASSWORD })).body.challengeToken as string;

    const first = await challenge();
    for (const code of ['000000', '111111']) {
      expect((await api.post('/auth/login/two-factor', { challengeToken: first, code })).status).toBe(401);
    }
    const second = await challenge();
    expect((await api.post('/auth/login/two-factor', { challengeToken: second, code: '222222' })).status).toBe(401);
    expectThrottled(await api.post('/auth/login/two-factor', { challengeToken: second, code: totpCode(secret, 1) }));
    const failures = await testApp.dataSource.query('SELECT two_factor_failures AS n FROM users');
    expect(Number(failures[0].n)).toBe(3);
  });

  it('holds across two API instances that share Redis', async () => {
    const shared = { redis: true, env: { ...limits(100, 4), QUEUE_PREFIX: `throttle-test-${randomBytes(4).toString('hex')}` } };
    const [one, two] = [await start(shared), await start(shared)];
    for (const testApp of [one, two]) await testApp.createPractice({ name: 'Twins', admin: person('twin@limits.test') });
    const [apiOne, apiTwo] = [new ApiClient(one.baseUrl), new ApiClient(two.baseUrl)];

    for (const api of [apiOne, apiTwo, apiOne, apiTwo]) {
      expect((await api.post('/auth/login', { email: 'twin@limits.test', password: 'a wrong guess' })).status).toBe(401);
    }
    expectThrottled(await apiOne.post('/auth/login', { email: 'twin@limits.test', password: PASSWORD }));
    expectThrottled(await apiTwo.post('/auth/login', { email: 'twin@limits.test', password: PASSWORD }));
  });

  it('keeps counting, in memory, while Redis is unreachable', async () => {
    const redis = await RedisProcess.start();
    const counter = new RedisAttemptCounter(redis.url, 'throttle-outage');
    try {
      expect((await counter.hit('outage', 60_000)).hits).toBe(1);
      expect((await counter.hit('outage', 60_000)).hits).toBe(2);
      await redis.stop();
      // This instance's memory knows nothing of Redis's count: it starts again, and still counts.
      expect((await counter.hit('outage', 60_000)).hits).toBe(1);
      expect((await counter.hit('outage', 60_000)).hits).toBe(2);
    } finally {
      await counter.close();
      await redis.stop();
    }
  });

  describe('the Redis counter', () => {
    const counter = new RedisAttemptCounter(TEST_REDIS_URL, `throttle-test-${randomBytes(4).toString('hex')}`);

    afterAll(async () => {
      await counter.close();
    });

    it('counts concurrent attempts atomically, in a window that starts with the first', async () => {
      const counts = await Promise.all(Array.from({ length: 50 }, () => counter.hit('concurrent', 60_000)));
      expect(counts.map((count) => count.hits).sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
      for (const { resetInMs } of counts) {
        expect(resetInMs).toBeGreaterThan(0);
        expect(resetInMs).toBeLessThanOrEqual(60_000);
      }
    });
  });
});
