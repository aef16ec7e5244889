import { describe, expect, it } from '@jest/globals';
import { Session } from '../../api/src/auth/entities/session.entity.js';
import { hashToken } from '../../api/src/common/crypto/tokens.js';
import { type ApiClient } from '../support/api-client.js';
import { count, expire, tableText } from '../support/database.js';
import { createPractice, enableTwoFactor, signIn, signInWithCode, TEST_PASSWORD } from '../support/practice-factory.js';
import { useTestApp } from '../support/suite.js';

const SESSION_TTL_SECONDS = 3600;

/** Access tokens: opaque, stored hashed, expiring, revocable; and the 2FA changes that end them. */
describe('sessions', () => {
  const suite = useTestApp({ env: { SESSION_TTL_SECONDS: String(SESSION_TTL_SECONDS) } });

  const isSignedIn = async (client: ApiClient) => {
    const response = await client.get('/profile');
    if (response.status === 401) expect(response.body.code).toBe('UNAUTHENTICATED');
    return response.status === 200;
  };

  it('are opaque tokens, stored only as a digest, living SESSION_TTL_SECONDS', async () => {
    const practice = await createPractice(suite.testApp);
    const login = await suite.api.post('/auth/login', { email: practice.admin.email, password: TEST_PASSWORD });
    const token: string = login.body.accessToken;
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/); // 256 random bits, not a JWT with readable claims
    expect(Math.abs(Date.parse(login.body.expiresAt) - (Date.now() + SESSION_TTL_SECONDS * 1000))).toBeLessThan(60_000);

    const sessions = await tableText(suite.testApp, 'sessions');
    expect(sessions).not.toContain(token);
    expect(await count(suite.testApp, 'sessions', 'token_hash = ? AND user_id = ?', [hashToken(token), practice.admin.id])).toBe(1);
  });

  it('turn away a missing, malformed or unknown token', async () => {
    for (const authorization of [undefined, 'Bearer', 'Basic dXNlcjpwYXNz', `Bearer ${'A'.repeat(43)}`, 'Bearer not a token']) {
      const response = await suite.api.get('/profile', authorization ? { headers: { authorization } } : {});
      expect(response.status).toBe(401);
      expect(response.body.code).toBe('UNAUTHENTICATED');
    }
  });

  it('expire', async () => {
    const practice = await createPractice(suite.testApp);
    const client = await signIn(suite.api, practice.admin);
    expect(await isSignedIn(client)).toBe(true);
    await expire(suite.testApp, Session, { tokenHash: hashToken(client.token!) });
    expect(await isSignedIn(client)).toBe(false);
  });

  it('end at sign-out, that one only', async () => {
    const practice = await createPractice(suite.testApp);
    const [laptop, phone] = [await signIn(suite.api, practice.admin), await signIn(suite.api, practice.admin)];
    expect((await laptop.post('/auth/logout')).status).toBe(204);
    expect(await isSignedIn(laptop)).toBe(false);
    expect((await laptop.post('/auth/logout')).status).toBe(401);
    expect(await isSignedIn(phone)).toBe(true);
  });

  it('of the same user end when 2FA is enabled, except the one that enabled it', async () => {
    const practice = await createPractice(suite.testApp, { members: 1 });
    const [enabling, other] = [await signIn(suite.api, practice.admin), await signIn(suite.api, practice.admin)];
    const colleague = await signIn(suite.api, practice.members[0]);
    await enableTwoFactor(enabling);
    expect(await isSignedIn(enabling)).toBe(true);
    expect(await isSignedIn(other)).toBe(false);
    expect(await isSignedIn(colleague)).toBe(true);
  });

  it('all end when 2FA is disabled, which asks for the password', async () => {
    const practice = await createPractice(suite.testApp);
    const first = await signIn(suite.api, practice.admin);
    const { app } = await enableTwoFactor(first);
    const second = await signInWithCode(suite.api, practice.admin, app);

    const wrong = await first.post('/profile/two-factor/disable', { password: 'not the password' });
    expect(wrong.status).toBe(400);
    expect(wrong.body.code).toBe('INVALID_PASSWORD');
    expect((await first.get('/profile')).body.twoFactor.enabled).toBe(true);
    expect(await isSignedIn(second)).toBe(true);

    expect((await first.post('/profile/two-factor/disable', { password: TEST_PASSWORD })).status).toBe(204);
    expect(await isSignedIn(first)).toBe(false);
    expect(await isSignedIn(second)).toBe(false);

    // Password-only again; 2FA needs the whole enable flow, and there is nothing left to disable.
    const again = await signIn(suite.api, practice.admin);
    expect((await again.get('/profile')).body.twoFactor).toMatchObject({ enabled: false, backupCodesRemaining: 0 });
    expect((await again.post('/profile/two-factor/enable', {})).body.code).toBe('TWO_FACTOR_SETUP_NOT_STARTED');
    const nothing = await again.post('/profile/two-factor/disable', { password: TEST_PASSWORD });
    expect(nothing.status).toBe(409);
    expect(nothing.body.code).toBe('TWO_FACTOR_NOT_ENABLED');
    const [row] = await suite.testApp.dataSource.query('SELECT totp_secret, totp_last_step FROM users WHERE id = ?', [practice.admin.id]);
    expect(row).toEqual({ totp_secret: null, totp_last_step: null });
    expect(await count(suite.testApp, 'backup_codes', 'user_id = ?', [practice.admin.id])).toBe(0);
  });

  it('of a member all end when an administrator resets their 2FA', async () => {
    const practice = await createPractice(suite.testApp, { members: 2 });
    const [member, bystander] = practice.members;
    const memberClient = await signIn(suite.api, member);
    const { app } = await enableTwoFactor(memberClient);
    const memberPhone = await signInWithCode(suite.api, member, app);
    const bystanderClient = await signIn(suite.api, bystander);
    const admin = await signIn(suite.api, practice.admin);

    expect((await admin.delete(`/practice/users/${member.id}/two-factor`)).status).toBe(204);
    expect(await isSignedIn(memberClient)).toBe(false);
    expect(await isSignedIn(memberPhone)).toBe(false);
    expect(await isSignedIn(bystanderClient)).toBe(true);
    expect(await isSignedIn(admin)).toBe(true);

    const [row] = await suite.testApp.dataSource.query('SELECT totp_secret FROM users WHERE id = ?', [member.id]);
    expect(row.totp_secret).toBeNull();
    expect(await count(suite.testApp, 'backup_codes', 'user_id = ?', [member.id])).toBe(0);
    const users = (await admin.get('/practice/users')).body;
    expect(users.find((user: { id: string }) => user.id === member.id).twoFactorEnabled).toBe(false);
    // Back to password-only sign-in. A second reset (another administrator's click a moment later) finds nothing to
    // reset: 204 as the contract says, and the session signed in since then stays.
    const signedInAgain = await signIn(suite.api, member);
    const noticesBefore = await count(suite.testApp, 'notice_outbox');
    const again = await admin.delete(`/practice/users/${member.id}/two-factor`);
    expect(again.status).toBe(204);
    expect(await isSignedIn(signedInAgain)).toBe(true);
    expect(await count(suite.testApp, 'notice_outbox')).toBe(noticesBefore);
  });

  it('die with a pending challenge when 2FA is reset between the two sign-in steps', async () => {
    const practice = await createPractice(suite.testApp, { members: 1 });
    const [member] = practice.members;
    const { app } = await enableTwoFactor(await signIn(suite.api, member));
    const login = await suite.api.post('/auth/login', { email: member.email, password: TEST_PASSWORD });
    await (await signIn(suite.api, practice.admin)).delete(`/practice/users/${member.id}/two-factor`);
    const second = await suite.api.post('/auth/login/two-factor', { challengeToken: login.body.challengeToken, code: await app.nextCode() });
    expect(second.status).toBe(401);
    expect(second.body.code).toBe('CHALLENGE_EXPIRED');
  });
});
