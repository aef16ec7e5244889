import { expect } from '@jest/globals';
import type { Role } from '@practice-cloud/contracts';
import { randomBytes } from 'node:crypto';
import { type ApiClient } from './api-client.js';
import { Authenticator, secretFromOtpauthUrl } from './authenticator.js';
import type { TestApp } from './test-app.js';

export const TEST_PASSWORD = 'correct horse battery staple';

export interface TestUser {
  id: string;
  email: string;
  password: string;
  firstName: string;
  lastName: string;
  role: Role;
}

export interface TestPractice {
  id: string;
  name: string;
  admin: TestUser;
  members: TestUser[];
}

/** A practice with its administrator and `members` more people, each with an email unique to this run. */
export async function createPractice(testApp: TestApp, options: { name?: string; members?: number } = {}): Promise<TestPractice> {
  const tag = randomBytes(4).toString('hex');
  const name = options.name ?? `Practice ${tag}`;
  const person = (local: string, firstName: string, lastName: string, role: Role) => ({
    email: `${local}.${tag}@practice.test`,
    password: TEST_PASSWORD,
    firstName,
    lastName,
    role,
  });
  const adminInput = person('admin', 'Ada', 'Admin', 'ADMIN');
  const { practiceId, adminUserId } = await testApp.createPractice({ name, admin: adminInput });
  const members: TestUser[] = [];
  for (let n = 1; n <= (options.members ?? 0); n++) {
    const member = person(`member${n}`, 'Mia', `Member${n}`, 'MEMBER');
    const { id } = await testApp.createUser(practiceId, member);
    members.push({ id, ...member });
  }
  return { id: practiceId, name, admin: { id: adminUserId, ...adminInput }, members };
}

/** Password-only sign-in of a user without 2FA (or on a trusted computer): a client holding the new session. */
export async function signIn(api: ApiClient, user: TestUser, extra: { trustedDeviceToken?: string } = {}): Promise<ApiClient> {
  const login = await api.post('/auth/login', { email: user.email, password: user.password, ...extra });
  expect(login.body).toMatchObject({ status: 'AUTHENTICATED' });
  return api.withToken(login.body.accessToken);
}

/** The password step of a user with 2FA: the challenge token for the code step. */
export async function passwordStep(api: ApiClient, user: TestUser): Promise<string> {
  const login = await api.post('/auth/login', { email: user.email, password: user.password });
  expect(login.body).toMatchObject({ status: 'TWO_FACTOR_REQUIRED' });
  return login.body.challengeToken;
}

/** Both steps with a fresh code from the user's app. */
export async function signInWithCode(api: ApiClient, user: TestUser, app: Authenticator): Promise<ApiClient> {
  const challengeToken = await passwordStep(api, user);
  const second = await api.post('/auth/login/two-factor', { challengeToken, code: await app.nextCode() });
  expect(second.body).toMatchObject({ status: 'AUTHENTICATED' });
  return api.withToken(second.body.accessToken);
}

export interface EnabledTwoFactor {
  app: Authenticator;
  backupCodes: string[];
}

/** The help page's enable flow over the API: Next → Verify and Next → Verify and Enable. */
export async function enableTwoFactor(client: ApiClient): Promise<EnabledTwoFactor> {
  const setup = await client.post('/profile/two-factor/setup');
  expect(setup.status).toBe(201);
  const app = new Authenticator(secretFromOtpauthUrl(setup.body.otpauthUrl));
  const verify = await client.post('/profile/two-factor/verify', { code: await app.nextCode() });
  expect(verify.status).toBe(200);
  const enable = await client.post('/profile/two-factor/enable', {});
  expect(enable.status).toBe(200);
  expect(enable.body.twoFactor.enabled).toBe(true);
  return { app, backupCodes: verify.body.backupCodes };
}

/** An administrator with 2FA, signed in: what turning enforcement on needs. */
export async function adminWithTwoFactor(api: ApiClient, practice: TestPractice): Promise<{ admin: ApiClient } & EnabledTwoFactor> {
  const admin = await signIn(api, practice.admin);
  return { admin, ...(await enableTwoFactor(admin)) };
}
