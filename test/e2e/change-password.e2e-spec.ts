import { describe, expect, it } from '@jest/globals';
import type { ApiClient } from '../support/api-client.js';
import { createPractice, enableTwoFactor, passwordStep, signIn, TEST_PASSWORD } from '../support/practice-factory.js';
import { useTestAppWithMail } from '../support/suite.js';

const NEW_PASSWORD = 'a new and rather longer passphrase';

/**
 * Profile → Change password: a member replaces the password an administrator set for them, or one that leaked.
 * Whoever signed in with the old one is signed out; the owner is told by email.
 */
describe('changing one’s password', () => {
  const suite = useTestAppWithMail();

  const isSignedIn = async (client: ApiClient) => (await client.get('/profile')).status === 200;
  const passwordHashOf = async (userId: string) =>
    (await suite.testApp.dataSource.query('SELECT password_hash FROM users WHERE id = ?', [userId]))[0].password_hash as string;

  it('replaces it, signs out every other session, keeps this one, and emails the owner', async () => {
    const practice = await createPractice(suite.testApp, { members: 1 });
    const [member] = practice.members;
    const here = await signIn(suite.api, member);
    const elsewhere = await signIn(suite.api, member);

    const change = await here.post('/profile/password', { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD });
    expect(change.status).toBe(204);
    expect(await isSignedIn(here)).toBe(true);
    expect(await isSignedIn(elsewhere)).toBe(false);

    const old = await suite.api.post('/auth/login', { email: member.email, password: TEST_PASSWORD });
    expect(old.status).toBe(401);
    expect(old.body.code).toBe('INVALID_CREDENTIALS');
    expect((await suite.api.post('/auth/login', { email: member.email, password: NEW_PASSWORD })).body.status).toBe('AUTHENTICATED');

    await suite.testApp.drainQueue();
    expect(suite.smtp.to(member.email).map((email) => email.subject)).toEqual(['Your password was changed']);
    expect(suite.smtp.to(member.email)[0].text).not.toContain(NEW_PASSWORD);
    expect(((await here.get('/notifications')).body as { type: string }[]).map((notice) => notice.type)).toEqual(['PASSWORD_CHANGED']);
  });

  it('leaves 2FA as it was: the next sign-in still asks for a code', async () => {
    const practice = await createPractice(suite.testApp);
    const admin = await signIn(suite.api, practice.admin);
    await enableTwoFactor(admin);
    expect((await admin.post('/profile/password', { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD })).status).toBe(204);
    expect(await passwordStep(suite.api, { ...practice.admin, password: NEW_PASSWORD })).toEqual(expect.any(String));
  });

  it('refuses a wrong current password, a weak new one, or the same one again, and changes nothing', async () => {
    const practice = await createPractice(suite.testApp, { members: 1 });
    const [member] = practice.members;
    const client = await signIn(suite.api, member);
    const other = await signIn(suite.api, member);
    const hashBefore = await passwordHashOf(member.id);

    const wrong = await client.post('/profile/password', { currentPassword: 'not my password', newPassword: NEW_PASSWORD });
    expect(wrong.status).toBe(400);
    expect(wrong.body.code).toBe('INVALID_PASSWORD');
    for (const [newPassword, message] of [
      ['short', 'newPassword must be longer than or equal to 12 characters'],
      ['aaaaaaaaaaaaaaaa', 'newPassword is too easy to guess'],
      [TEST_PASSWORD, 'newPassword must differ from the current password'],
    ]) {
      const refused = await client.post('/profile/password', { currentPassword: TEST_PASSWORD, newPassword });
      expect(refused.status).toBe(400);
      expect(refused.body.code).toBe('VALIDATION_FAILED');
      expect(refused.body.errors).toEqual([{ field: 'newPassword', messages: [message] }]);
    }
    const malformed = await client.post('/profile/password', { currentPassword: TEST_PASSWORD, newPassword: 12345678901234 });
    expect(malformed.body.errors).toEqual([{ field: 'newPassword', messages: ['newPassword must be a string'] }]);

    expect(await passwordHashOf(member.id)).toBe(hashBefore);
    expect(await isSignedIn(other)).toBe(true);
  });

  it('counts wrong current passwords with every other second proof: 10 in a row lock it for 15 minutes', async () => {
    const practice = await createPractice(suite.testApp, { members: 1 });
    const client = await signIn(suite.api, practice.members[0]);
    for (let attempt = 1; attempt <= 10; attempt++) {
      const wrong = await client.post('/profile/password', { currentPassword: `guess ${attempt}`, newPassword: NEW_PASSWORD });
      expect({ attempt, code: wrong.body.code }).toEqual({ attempt, code: 'INVALID_PASSWORD' });
    }
    const locked = await client.post('/profile/password', { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD });
    expect(locked.status).toBe(429);
    expect(locked.body.code).toBe('TOO_MANY_ATTEMPTS');
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(14 * 60);
    expect((await suite.api.post('/auth/login', { email: practice.members[0].email, password: TEST_PASSWORD })).body.status).toBe('AUTHENTICATED');
  });

  it('is open to a member who still has to enable 2FA for their practice', async () => {
    const practice = await createPractice(suite.testApp, { members: 1 });
    const admin = await signIn(suite.api, practice.admin);
    await enableTwoFactor(admin);
    expect((await admin.patch('/practice/settings', { requireTwoFactor: true })).status).toBe(200);
    const member = await signIn(suite.api, practice.members[0]);
    expect((await member.get('/clients')).body.code).toBe('TWO_FACTOR_ENROLMENT_REQUIRED');
    expect((await member.post('/profile/password', { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD })).status).toBe(204);
  });

  it('needs a session', async () => {
    const anonymous = await suite.api.post('/profile/password', { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD });
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.code).toBe('UNAUTHENTICATED');
  });
});
