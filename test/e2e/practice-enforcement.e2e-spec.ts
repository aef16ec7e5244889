import { describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { type ApiClient } from '../support/api-client.js';
import { adminWithTwoFactor, createPractice, enableTwoFactor, signIn, TEST_PASSWORD } from '../support/practice-factory.js';
import { useTestApp } from '../support/suite.js';

/** Help page, flow 3: Practice Settings → Two Factor Authentication → Requires 2FA → Yes. */
describe('requiring 2FA for the whole practice', () => {
  const suite = useTestApp();

  const requireTwoFactor = (admin: ApiClient, on: boolean) => admin.patch('/practice/settings', { requireTwoFactor: on });

  it('takes effect on the very next request of sessions that already exist', async () => {
    const practice = await createPractice(suite.testApp, { members: 2 });
    const [unenrolled, enrolled] = practice.members;
    const unenrolledClient = await signIn(suite.api, unenrolled);
    const enrolledClient = await signIn(suite.api, enrolled);
    await enableTwoFactor(enrolledClient);
    const { admin } = await adminWithTwoFactor(suite.api, practice);
    expect((await unenrolledClient.get('/clients')).status).toBe(200);

    const patch = await requireTwoFactor(admin, true);
    expect(patch.status).toBe(200);
    expect(patch.body).toMatchObject({ requireTwoFactor: true, members: 3, membersWithTwoFactor: 2, noticesQueued: 3 });
    expect(Date.parse(patch.body.requireTwoFactorSince)).toBeLessThanOrEqual(Date.now());

    // Client files: locked for the unenrolled member, from this very request on.
    const client = (await admin.post('/clients', { name: 'Acme (Pty) Ltd', code: 'ACME' })).body;
    for (const response of [
      await unenrolledClient.get('/clients'),
      await unenrolledClient.get(`/clients/${client.id}`),
      await unenrolledClient.post('/clients', { name: 'Sneaky', code: 'SNEAK' }),
    ]) {
      expect(response.status).toBe(401);
      expect(response.body.code).toBe('TWO_FACTOR_ENROLMENT_REQUIRED');
      expect(response.body.message).toMatch(/^Unauthorised/);
    }
    // Still reachable: the profile, the notices, sign-out and the way to comply.
    const profile = await unenrolledClient.get('/profile');
    expect(profile.status).toBe(200);
    expect(profile.body.twoFactor.enrolmentRequired).toBe(true);
    expect(profile.body.practice.requireTwoFactor).toBe(true);
    expect((await unenrolledClient.get('/notifications')).status).toBe(200);
    await enableTwoFactor(unenrolledClient);
    expect((await unenrolledClient.get('/clients')).status).toBe(200);
    expect((await unenrolledClient.get('/profile')).body.twoFactor.enrolmentRequired).toBe(false);

    // Those who already use 2FA notice nothing.
    expect((await enrolledClient.get('/clients')).status).toBe(200);
    expect((await admin.get('/clients')).status).toBe(200);
  });

  it('still signs in an unenrolled member, who is told to enrol and can sign out', async () => {
    const practice = await createPractice(suite.testApp, { members: 1 });
    const { admin } = await adminWithTwoFactor(suite.api, practice);
    await requireTwoFactor(admin, true);

    const login = await suite.api.post('/auth/login', { email: practice.members[0].email, password: TEST_PASSWORD });
    expect(login.body.status).toBe('AUTHENTICATED');
    expect(login.body.user.twoFactor).toMatchObject({ enabled: false, enrolmentRequired: true });
    const member = suite.api.withToken(login.body.accessToken);
    expect((await member.get('/clients')).body.code).toBe('TWO_FACTOR_ENROLMENT_REQUIRED');
    expect((await member.post('/auth/logout')).status).toBe(204);
  });

  it('is refused to an administrator without 2FA, and nothing changes', async () => {
    const practice = await createPractice(suite.testApp, { members: 1 });
    const admin = await signIn(suite.api, practice.admin);
    const response = await requireTwoFactor(admin, true);
    expect(response.status).toBe(409);
    expect(response.body.code).toBe('ADMIN_TWO_FACTOR_REQUIRED');
    expect((await admin.get('/practice/settings')).body).toMatchObject({ requireTwoFactor: false, requireTwoFactorSince: null });
    expect((await (await signIn(suite.api, practice.members[0])).get('/clients')).status).toBe(200);
  });

  it('keeps everyone on 2FA: disabling it is refused while the practice requires it', async () => {
    const practice = await createPractice(suite.testApp, { members: 1 });
    const { admin } = await adminWithTwoFactor(suite.api, practice);
    const member = await signIn(suite.api, practice.members[0]);
    await enableTwoFactor(member);
    await requireTwoFactor(admin, true);

    for (const client of [admin, member]) {
      const response = await client.post('/profile/two-factor/disable', { password: TEST_PASSWORD });
      expect(response.status).toBe(409);
      expect(response.body.code).toBe('TWO_FACTOR_REQUIRED_BY_PRACTICE');
      expect((await client.get('/profile')).body.twoFactor.enabled).toBe(true);
    }
  });

  it('lifts when turned off again, and a repeated Yes queues no second round of notices', async () => {
    const practice = await createPractice(suite.testApp, { members: 1 });
    const { admin } = await adminWithTwoFactor(suite.api, practice);
    const member = await signIn(suite.api, practice.members[0]);
    expect((await requireTwoFactor(admin, true)).body.noticesQueued).toBe(2);
    expect((await requireTwoFactor(admin, true)).body.noticesQueued).toBe(0);
    expect((await member.get('/clients')).status).toBe(401);

    const off = await requireTwoFactor(admin, false);
    expect(off.body).toMatchObject({ requireTwoFactor: false, requireTwoFactorSince: null, noticesQueued: 0 });
    expect((await member.get('/clients')).status).toBe(200);
    expect((await member.get('/profile')).body.twoFactor.enrolmentRequired).toBe(false);
  });

  it('is for administrators: a member gets 403 FORBIDDEN on every /practice route', async () => {
    const practice = await createPractice(suite.testApp, { members: 2 });
    const member = await signIn(suite.api, practice.members[0]);
    await enableTwoFactor(member);
    const target = practice.members[1].id;
    for (const response of [
      await member.get('/practice/settings'),
      await member.patch('/practice/settings', { requireTwoFactor: true }),
      await member.get('/practice/users'),
      await member.post('/practice/users', {
        email: 'new@practice.test',
        firstName: 'New',
        lastName: 'Person',
        role: 'ADMIN',
        password: 'a long enough password',
      }),
      await member.delete(`/practice/users/${target}/two-factor`),
      await member.delete(`/practice/users/${randomUUID()}/two-factor`),
    ]) {
      expect(response.status).toBe(403);
      expect(response.body.code).toBe('FORBIDDEN');
    }
    const admin = await signIn(suite.api, practice.admin);
    expect((await admin.get('/practice/settings')).body.requireTwoFactor).toBe(false);
    expect((await admin.get('/practice/users')).body).toHaveLength(3);
  });

  it('lets an administrator add a member, who signs in with the password given', async () => {
    const practice = await createPractice(suite.testApp);
    const admin = await signIn(suite.api, practice.admin);
    const created = await admin.post('/practice/users', {
      email: 'Thandi.Nkosi@Practice.test',
      firstName: 'Thandi',
      lastName: 'Nkosi',
      role: 'MEMBER',
      password: 'a long enough password',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ email: 'thandi.nkosi@practice.test', role: 'MEMBER', twoFactorEnabled: false, lastLoginAt: null });
    const taken = await admin.post('/practice/users', {
      email: 'thandi.nkosi@practice.test',
      firstName: 'T',
      lastName: 'N',
      role: 'MEMBER',
      password: 'a long enough password',
    });
    expect(taken.status).toBe(409);
    const login = await suite.api.post('/auth/login', { email: 'thandi.nkosi@practice.test', password: 'a long enough password' });
    expect(login.body.status).toBe('AUTHENTICATED');
  });
});
