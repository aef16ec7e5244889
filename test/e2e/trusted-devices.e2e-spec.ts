import { describe, expect, it } from '@jest/globals';
import { hashToken } from '../../api/src/common/crypto/tokens.js';
import { TrustedDevice } from '../../api/src/two-factor/entities/trusted-device.entity.js';
import type { Authenticator } from '../support/authenticator.js';
import { count, expire, tableText } from '../support/database.js';
import {
  createPractice,
  enableTwoFactor,
  passwordStep,
  signIn,
  TEST_PASSWORD,
  type TestPractice,
  type TestUser,
} from '../support/practice-factory.js';
import { useTestApp } from '../support/suite.js';

const CHROME_ON_LINUX = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';
const TTL_DAYS = 7;

/** Help page: "Don't ask again on this computer", and the list of trusted computers in the profile. */
describe('trusted computers', () => {
  const suite = useTestApp({ env: { TRUSTED_DEVICE_TTL_DAYS: String(TTL_DAYS) } });

  async function practiceWithTwoFactor(): Promise<{ practice: TestPractice; user: TestUser; app: Authenticator }> {
    const practice = await createPractice(suite.testApp, { members: 1 });
    const { app } = await enableTwoFactor(await signIn(suite.api, practice.members[0]));
    return { practice, user: practice.members[0], app };
  }

  /** Signs in with a code and ticks "Don't ask again on this computer". */
  async function rememberComputer(user: TestUser, app: Authenticator) {
    const challengeToken = await passwordStep(suite.api, user);
    const response = await suite.api.post(
      '/auth/login/two-factor',
      { challengeToken, code: await app.nextCode(), rememberDevice: true },
      { headers: { 'user-agent': CHROME_ON_LINUX } },
    );
    expect(response.status).toBe(200);
    return { response, token: response.body.trustedDeviceToken as string, client: suite.api.withToken(response.body.accessToken) };
  }

  const login = (user: TestUser, init: { body?: Record<string, unknown>; cookie?: string } = {}) =>
    suite.api.post(
      '/auth/login',
      { email: user.email, password: user.password, ...init.body },
      init.cookie ? { headers: { cookie: init.cookie } } : {},
    );

  it('come with a token and an HttpOnly, SameSite=Strict cookie for /api/auth', async () => {
    const { user, app } = await practiceWithTwoFactor();
    const { response, token } = await rememberComputer(user, app);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const cookie = response.headers.getSetCookie().find((header) => header.startsWith('trusted_device='));
    expect(cookie).toBeDefined();
    const [pair, ...attributes] = cookie!.split(';').map((part) => part.trim());
    expect(pair).toBe(`trusted_device=${token}`);
    const lower = attributes.map((attribute) => attribute.toLowerCase());
    expect(lower).toEqual(expect.arrayContaining(['httponly', 'samesite=strict', 'path=/api/auth']));
    const expires = Date.parse(attributes.find((attribute) => /^expires=/i.test(attribute))!.slice('expires='.length));
    expect(Math.abs(expires - (Date.now() + TTL_DAYS * 86_400_000))).toBeLessThan(60_000);

    // Stored only as a digest.
    const devices = await tableText(suite.testApp, 'trusted_devices');
    expect(devices).not.toContain(token);
    expect(devices).toContain(hashToken(token));
  });

  it('skip the code on the next sign-in, by body or by cookie', async () => {
    const { user, app } = await practiceWithTwoFactor();
    const { token } = await rememberComputer(user, app);

    const byBody = await login(user, { body: { trustedDeviceToken: token } });
    expect(byBody.body.status).toBe('AUTHENTICATED');
    expect((await suite.api.withToken(byBody.body.accessToken).get('/clients')).status).toBe(200);
    const byCookie = await login(user, { cookie: `trusted_device=${token}` });
    expect(byCookie.body.status).toBe('AUTHENTICATED');

    // Without the token, or with a made-up one, the code is asked for.
    expect((await login(user)).body.status).toBe('TWO_FACTOR_REQUIRED');
    expect((await login(user, { body: { trustedDeviceToken: 'x'.repeat(43) } })).body.status).toBe('TWO_FACTOR_REQUIRED');
  });

  it('vouch for their own user only', async () => {
    const { practice, user, app } = await practiceWithTwoFactor();
    const { token } = await rememberComputer(user, app);
    const colleague = await signIn(suite.api, practice.admin);
    await enableTwoFactor(colleague);

    expect((await login(practice.admin, { body: { trustedDeviceToken: token } })).body.status).toBe('TWO_FACTOR_REQUIRED');
    expect((await login(practice.admin, { cookie: `trusted_device=${token}` })).body.status).toBe('TWO_FACTOR_REQUIRED');
  });

  it(`expire after TRUSTED_DEVICE_TTL_DAYS (${TTL_DAYS} here)`, async () => {
    const { user, app } = await practiceWithTwoFactor();
    const { token, client } = await rememberComputer(user, app);
    const [device] = (await client.get('/profile/trusted-devices')).body;
    expect(Math.abs(Date.parse(device.expiresAt) - (Date.now() + TTL_DAYS * 86_400_000))).toBeLessThan(60_000);

    await expire(suite.testApp, TrustedDevice, { tokenHash: hashToken(token) });
    expect((await login(user, { body: { trustedDeviceToken: token } })).body.status).toBe('TWO_FACTOR_REQUIRED');
    expect((await client.get('/profile/trusted-devices')).body).toEqual([]);
  });

  it('are listed for their owner and revocable by them', async () => {
    const { practice, user, app } = await practiceWithTwoFactor();
    const first = await rememberComputer(user, app);
    const second = await rememberComputer(user, app);

    const list = await second.client.get('/profile/trusted-devices');
    expect(list.status).toBe(200);
    expect(list.body).toHaveLength(2);
    for (const device of list.body) {
      expect(Object.keys(device).sort()).toEqual(['createdAt', 'current', 'expiresAt', 'id', 'label', 'lastUsedAt']);
      expect(device.label).toBe('Chrome on Linux');
    }
    // The session signed in through the second computer marks that one as current.
    expect(list.body.filter((device: { current: boolean }) => device.current)).toHaveLength(1);
    const firstDevice = list.body.find((device: { current: boolean }) => !device.current);

    // A colleague cannot see or revoke them.
    const colleague = await signIn(suite.api, practice.admin);
    expect((await colleague.get('/profile/trusted-devices')).body).toEqual([]);
    const foreign = await colleague.delete(`/profile/trusted-devices/${firstDevice.id}`);
    expect(foreign.status).toBe(404);
    expect(foreign.body.code).toBe('NOT_FOUND');
    expect((await login(user, { body: { trustedDeviceToken: first.token } })).body.status).toBe('AUTHENTICATED');

    const revoke = await second.client.delete(`/profile/trusted-devices/${firstDevice.id}`);
    expect(revoke.status).toBe(204);
    expect((await login(user, { body: { trustedDeviceToken: first.token } })).body.status).toBe('TWO_FACTOR_REQUIRED');
    expect((await login(user, { body: { trustedDeviceToken: second.token } })).body.status).toBe('AUTHENTICATED');
    expect((await second.client.delete(`/profile/trusted-devices/${firstDevice.id}`)).status).toBe(404);
  });

  it('sign out whoever holds a revoked computer now, but not the session that revokes it', async () => {
    const { user, app } = await practiceWithTwoFactor();
    const lost = await rememberComputer(user, app);
    const lostAgain = suite.api.withToken((await login(user, { body: { trustedDeviceToken: lost.token } })).body.accessToken);
    const here = await rememberComputer(user, app);
    const elsewhere = await signIn(suite.api, user, { trustedDeviceToken: here.token });
    const devices = (await here.client.get('/profile/trusted-devices')).body;
    const lostDevice = devices.find((device: { current: boolean }) => !device.current);
    const hereDevice = devices.find((device: { current: boolean }) => device.current);

    expect((await here.client.delete(`/profile/trusted-devices/${lostDevice.id}`)).status).toBe(204);
    expect((await lost.client.get('/profile')).status).toBe(401);
    expect((await lostAgain.get('/profile')).status).toBe(401);
    expect((await here.client.get('/profile')).status).toBe(200);

    // Revoking this very computer: the next sign-in here asks for a code, this session stays, the other one ends.
    expect((await here.client.delete(`/profile/trusted-devices/${hereDevice.id}`)).status).toBe(204);
    expect((await here.client.get('/profile')).status).toBe(200);
    expect((await elsewhere.get('/profile')).status).toBe(401);
  });

  it('are revoked when 2FA is disabled, and stay so when it is enabled again', async () => {
    const { user, app } = await practiceWithTwoFactor();
    const { token, client } = await rememberComputer(user, app);
    expect((await client.post('/profile/two-factor/disable', { password: TEST_PASSWORD })).status).toBe(204);
    expect(await count(suite.testApp, 'trusted_devices', 'user_id = ?', [user.id])).toBe(0);

    const again = await signIn(suite.api, user);
    await enableTwoFactor(again);
    expect((await login(user, { body: { trustedDeviceToken: token } })).body.status).toBe('TWO_FACTOR_REQUIRED');
  });

  it('are revoked when an administrator resets 2FA', async () => {
    const { practice, user, app } = await practiceWithTwoFactor();
    const { token } = await rememberComputer(user, app);
    const admin = await signIn(suite.api, practice.admin);
    expect((await admin.delete(`/practice/users/${user.id}/two-factor`)).status).toBe(204);
    expect(await count(suite.testApp, 'trusted_devices', 'user_id = ?', [user.id])).toBe(0);

    await enableTwoFactor(await signIn(suite.api, user));
    expect((await login(user, { body: { trustedDeviceToken: token } })).body.status).toBe('TWO_FACTOR_REQUIRED');
  });
});
