import { describe, expect, it } from '@jest/globals';
import { adminWithTwoFactor, createPractice, enableTwoFactor, signIn } from '../support/practice-factory.js';
import { useTestApp } from '../support/suite.js';

/** Practice Settings → members: adding people, and resetting someone else's 2FA. */
describe('practice members', () => {
  const suite = useTestApp();

  const newMember = (email: string) => ({
    email,
    firstName: 'Nia',
    lastName: 'Newcomer',
    role: 'MEMBER',
    password: 'a temporary passphrase',
  });

  it('a member added while the practice requires 2FA gets the Unauthorised notice at their first sign-in', async () => {
    const { api, testApp } = suite;
    const practice = await createPractice(testApp);
    const { admin } = await adminWithTwoFactor(api, practice);
    expect((await admin.patch('/practice/settings', { requireTwoFactor: true })).status).toBe(200);
    await testApp.drainQueue();

    const email = `nia.${practice.id.slice(0, 8)}@practice.test`;
    const created = await admin.post('/practice/users', newMember(email));
    expect(created.status).toBe(201);
    await testApp.drainQueue();

    const nia = await signIn(api, { ...created.body, password: 'a temporary passphrase' });
    expect((await nia.get('/clients')).body.code).toBe('TWO_FACTOR_ENROLMENT_REQUIRED');
    const notices = (await nia.get('/notifications')).body as { type: string; title: string }[];
    expect(notices).toEqual([
      expect.objectContaining({ type: 'TWO_FACTOR_REQUIRED', title: expect.stringMatching(/^Unauthorised/), readAt: null }),
    ]);

    // Enabling 2FA deals with the notice: it no longer shows as unread.
    await enableTwoFactor(nia);
    await testApp.drainQueue();
    const after = (await nia.get('/notifications')).body as { type: string; readAt: string | null }[];
    expect(after.find((notice) => notice.type === 'TWO_FACTOR_REQUIRED')?.readAt).toEqual(expect.any(String));
    expect(after.find((notice) => notice.type === 'TWO_FACTOR_ENABLED')?.readAt).toBeNull();
  });

  it('a member added while 2FA is optional gets no notice', async () => {
    const { api, testApp } = suite;
    const practice = await createPractice(testApp);
    const admin = await signIn(api, practice.admin);
    const email = `noah.${practice.id.slice(0, 8)}@practice.test`;
    const created = await admin.post('/practice/users', newMember(email));
    expect(created.status).toBe(201);
    await testApp.drainQueue();
    const noah = await signIn(api, { ...created.body, password: 'a temporary passphrase' });
    expect((await noah.get('/notifications')).body).toEqual([]);
  });

  it.each([
    ['a right-to-left override', { lastName: 'Newcomer\u202Egnp.exe' }, 'lastName'],
    ['a line break', { firstName: 'Nia\nAdmin' }, 'firstName'],
    ['an over-long name', { firstName: 'N'.repeat(101) }, 'firstName'],
  ])('refuses a name with %s, and creates nobody', async (_, override, field) => {
    const { api, testApp } = suite;
    const practice = await createPractice(testApp);
    const admin = await signIn(api, practice.admin);
    const email = `bad.${practice.id.slice(0, 8)}@practice.test`;
    const response = await admin.post('/practice/users', { ...newMember(email), ...override });
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('VALIDATION_FAILED');
    expect(response.body.errors).toEqual([expect.objectContaining({ field })]);
    expect(((await admin.get('/practice/users')).body as { email: string }[]).map((u) => u.email)).not.toContain(email);
  });

  it('an email typed with a combining mark is the same account as the composed one', async () => {
    const { api, testApp } = suite;
    const practice = await createPractice(testApp);
    const admin = await signIn(api, practice.admin);
    const tag = practice.id.slice(0, 8);
    const composed = `j\u00fcrgen.${tag}@practice.test`;
    const decomposed = `ju\u0308rgen.${tag}@practice.test`;
    expect((await admin.post('/practice/users', newMember(composed))).status).toBe(201);
    const again = await admin.post('/practice/users', newMember(decomposed));
    expect(again.status).toBe(409);
    const login = await api.post('/auth/login', { email: decomposed, password: 'a temporary passphrase' });
    expect(login.body.status).toBe('AUTHENTICATED');
  });

  it("an administrator cannot reset their own 2FA (that is Profile → Disable 2FA), and nothing changes", async () => {
    const { api, testApp } = suite;
    const practice = await createPractice(testApp, { members: 1 });
    const { admin } = await adminWithTwoFactor(api, practice);
    expect((await admin.patch('/practice/settings', { requireTwoFactor: true })).status).toBe(200);

    const own = await admin.delete(`/practice/users/${practice.admin.id}/two-factor`);
    expect(own.status).toBe(403);
    expect(own.body.code).toBe('FORBIDDEN');
    // The session survives, 2FA is still on, and Practice Settings are still in reach.
    const profile = await admin.get('/profile');
    expect(profile.body.twoFactor.enabled).toBe(true);
    expect((await admin.get('/practice/settings')).status).toBe(200);

    // Someone else's reset still works: the lost-phone case the route is for.
    const member = await signIn(api, practice.members[0]);
    await enableTwoFactor(member);
    expect((await admin.delete(`/practice/users/${practice.members[0].id}/two-factor`)).status).toBe(204);
  });
});
