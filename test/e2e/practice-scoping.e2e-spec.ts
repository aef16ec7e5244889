import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { ApiClient } from '../support/api-client.js';
import { count } from '../support/database.js';
import { createPractice, enableTwoFactor, passwordStep, signIn, type TestPractice } from '../support/practice-factory.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/** Two practices on one API: one practice's ids mean nothing to the other (404), and nothing of it changes. */
describe('practice scoping', () => {
  let testApp: TestApp;
  let api: ApiClient;
  let ours: TestPractice;
  let theirs: TestPractice;
  let ourAdmin: ApiClient;
  let theirAdmin: ApiClient;
  let theirMember: ApiClient;
  let theirClientId: string;
  let theirDeviceId: string;
  let theirDeviceToken: string;
  let theirNotificationId: string;

  beforeAll(async () => {
    testApp = await startTestApp();
    api = new ApiClient(testApp.baseUrl);
    ours = await createPractice(testApp, { name: 'Ours & Co', members: 1 });
    theirs = await createPractice(testApp, { name: 'Theirs Inc', members: 1 });
    ourAdmin = await signIn(api, ours.admin);
    theirAdmin = await signIn(api, theirs.admin);

    theirClientId = (await theirAdmin.post('/clients', { name: 'Their Client', code: 'SHARED' })).body.id;

    // Their member: 2FA on (which leaves a notification), a trusted computer.
    const member = theirs.members[0];
    const { app } = await enableTwoFactor(await signIn(api, member));
    const remembered = await api.post('/auth/login/two-factor', {
      challengeToken: await passwordStep(api, member),
      code: await app.nextCode(),
      rememberDevice: true,
    });
    theirMember = api.withToken(remembered.body.accessToken);
    theirDeviceToken = remembered.body.trustedDeviceToken;
    theirDeviceId = (await theirMember.get('/profile/trusted-devices')).body[0].id;
    await testApp.drainQueue();
    theirNotificationId = (await theirMember.get('/notifications')).body[0].id;
  });

  afterAll(async () => {
    await testApp.close();
  });

  const expectNotFound = (response: { status: number; body: { code: string } }) => {
    expect(response.status).toBe(404);
    expect(response.body.code).toBe('NOT_FOUND');
  };

  it('client files: another practice’s client is a 404, and its codes are its own', async () => {
    expectNotFound(await ourAdmin.get(`/clients/${theirClientId}`));
    expectNotFound(await ourAdmin.get(`/clients/${randomUUID()}`));
    expect((await ourAdmin.get('/clients')).body).toEqual([]);
    // The same code is free in our practice.
    expect((await ourAdmin.post('/clients', { name: 'Our Client', code: 'SHARED' })).status).toBe(201);
    expect((await theirAdmin.get(`/clients/${theirClientId}`)).body.name).toBe('Their Client');
    expect((await theirAdmin.get('/clients')).body).toHaveLength(1);
  });

  it('members: another practice’s user cannot be listed or reset', async () => {
    const users = (await ourAdmin.get('/practice/users')).body as { id: string }[];
    expect(users.map((user) => user.id).sort()).toEqual([ours.admin.id, ours.members[0].id].sort());

    expectNotFound(await ourAdmin.delete(`/practice/users/${theirs.members[0].id}/two-factor`));
    expectNotFound(await ourAdmin.delete(`/practice/users/${theirs.admin.id}/two-factor`));
    expect((await theirMember.get('/profile')).body.twoFactor.enabled).toBe(true);
    expect(await count(testApp, 'users', 'id = ? AND totp_secret IS NOT NULL', [theirs.members[0].id])).toBe(1);
  });

  it('trusted computers: another user’s device is a 404, and it keeps working', async () => {
    const ourMember = await signIn(api, ours.members[0]);
    expectNotFound(await ourMember.delete(`/profile/trusted-devices/${theirDeviceId}`));
    expectNotFound(await ourAdmin.delete(`/profile/trusted-devices/${theirDeviceId}`));
    const login = await api.post('/auth/login', {
      email: theirs.members[0].email,
      password: theirs.members[0].password,
      trustedDeviceToken: theirDeviceToken,
    });
    expect(login.body.status).toBe('AUTHENTICATED');
  });

  it('notifications: another user’s notice is a 404 to read, and stays unread', async () => {
    expect((await ourAdmin.get('/notifications')).body).toEqual([]);
    expectNotFound(await ourAdmin.post(`/notifications/${theirNotificationId}/read`));
    expect((await theirMember.get('/notifications')).body[0]).toMatchObject({ id: theirNotificationId, readAt: null });
    // Their own read works.
    expect((await theirMember.post(`/notifications/${theirNotificationId}/read`)).status).toBe(204);
    expect((await theirMember.get('/notifications')).body[0].readAt).not.toBeNull();
  });

  it('settings: each administrator sees and changes only their own practice', async () => {
    expect((await ourAdmin.get('/practice/settings')).body).toMatchObject({ id: ours.id, name: 'Ours & Co', members: 2 });
    await enableTwoFactor(ourAdmin);
    expect((await ourAdmin.patch('/practice/settings', { requireTwoFactor: true })).status).toBe(200);
    expect((await theirAdmin.get('/practice/settings')).body.requireTwoFactor).toBe(false);
    expect((await theirAdmin.get('/clients')).status).toBe(200);
  });
});
