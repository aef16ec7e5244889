import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ApiClient } from '../support/api-client.js';
import { adminWithTwoFactor, createPractice, signIn } from '../support/practice-factory.js';
import { RedisProcess } from '../support/redis-process.js';
import { SmtpSink } from '../support/smtp-sink.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/** How long the notices may take once Redis is back: the outbox retries every few seconds. */
const NOTICES_AFTER_RESTART_MS = 45_000;

/**
 * Redis goes down (its own redis-server, killed outright): the setting still saves and holds at once, and the
 * notices it queued arrive once Redis is back on the same port.
 */
describe('a Redis outage', () => {
  let redis: RedisProcess;
  let smtp: SmtpSink;
  let testApp: TestApp;
  let api: ApiClient;

  beforeAll(async () => {
    redis = await RedisProcess.start();
    smtp = await SmtpSink.start();
    testApp = await startTestApp({ redis: true, smtpUrl: smtp.url, env: { REDIS_URL: redis.url } });
    api = new ApiClient(testApp.baseUrl);
  });

  afterAll(async () => {
    await redis.start(); // Bull closes cleanly only with Redis there (a no-op when it runs).
    await testApp.close();
    await redis.stop();
    await smtp.close();
  });

  it('does not stop enforcement, and the notices arrive after Redis returns', async () => {
    const practice = await createPractice(testApp, { members: 2 });
    const { admin } = await adminWithTwoFactor(api, practice);
    const members = await Promise.all(practice.members.map((member) => signIn(api, member)));
    await testApp.drainQueue();
    const emailsBefore = smtp.received.length;

    await redis.stop();
    const patch = await admin.patch('/practice/settings', { requireTwoFactor: true });
    expect(patch.status).toBe(200);
    expect(patch.body).toMatchObject({ requireTwoFactor: true, noticesQueued: 3 });
    for (const member of members) expect((await member.get('/clients')).body.code).toBe('TWO_FACTOR_ENROLMENT_REQUIRED');
    expect((await admin.get('/practice/settings')).body.requireTwoFactor).toBe(true);
    // Signing in needs no Redis either.
    const login = await api.post('/auth/login', { email: practice.members[0].email, password: practice.members[0].password });
    expect(login.body.user.twoFactor.enrolmentRequired).toBe(true);

    const subject = `${practice.name} now requires two-factor authentication`;
    expect(smtp.received.filter((email) => email.subject === subject)).toHaveLength(0);
    await redis.start();
    await smtp.waitFor((received) => received.filter((email) => email.subject === subject).length === 3, NOTICES_AFTER_RESTART_MS);
    for (const member of members) {
      const notices = (await member.get('/notifications')).body as { type: string }[];
      expect(notices.map((notice) => notice.type)).toContain('TWO_FACTOR_REQUIRED');
    }
    expect(smtp.received.length - emailsBefore).toBe(3);
  }, 90_000);
});
