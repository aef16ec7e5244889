import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ErrorCode } from '@practice-cloud/contracts';
import { ApiClient, type ApiResponse } from '../support/api-client.js';
import { type Authenticator } from '../support/authenticator.js';
import { createPractice, enableTwoFactor, passwordStep, signIn, type TestPractice } from '../support/practice-factory.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * Malformed requests get a 4xx with one of the contract's codes, never a 500, and change nothing. Each group
 * snapshots the tables a request could touch, sends its bad requests, and compares.
 */
describe('bad input', () => {
  let testApp: TestApp;
  let api: ApiClient;
  let practice: TestPractice;
  let admin: ApiClient;
  let member: ApiClient;
  let app: Authenticator;
  let challengeToken: string;

  beforeAll(async () => {
    testApp = await startTestApp();
    api = new ApiClient(testApp.baseUrl);
    practice = await createPractice(testApp, { members: 1 });
    admin = await signIn(api, practice.admin);
    ({ app } = await enableTwoFactor(admin));
    // The member is half-way through setup: verify and enable are live targets.
    member = await signIn(api, practice.members[0]);
    await member.post('/profile/two-factor/setup');
    challengeToken = await passwordStep(api, practice.admin);
  });

  afterAll(async () => {
    await testApp.close();
  });

  /** Everything a bad request might have changed. */
  async function state(): Promise<unknown> {
    const tables = ['users', 'practices', 'clients', 'sessions', 'login_challenges', 'two_factor_setups', 'backup_codes', 'trusted_devices', 'notifications', 'notice_outbox'];
    return Object.fromEntries(
      await Promise.all(tables.map(async (table) => [table, await testApp.dataSource.query(`SELECT * FROM ${table} ORDER BY 1`)])),
    );
  }

  async function expectRejected(requests: [string, () => Promise<ApiResponse>, number, ErrorCode][]): Promise<void> {
    const before = await state();
    for (const [label, send, status, code] of requests) {
      const response = await send();
      expect({ label, status: response.status, code: response.body?.code }).toEqual({ label, status, code });
      expect(Object.keys(ErrorCode)).toContain(response.body.code);
      expect(typeof response.body.message).toBe('string');
      if (code === 'VALIDATION_FAILED' && response.body.errors) expect(Array.isArray(response.body.errors)).toBe(true);
    }
    expect(await state()).toEqual(before);
  }

  const login = (body: unknown) => () => api.post('/auth/login', body);
  const second = (body: Record<string, unknown>) => () => api.post('/auth/login/two-factor', { challengeToken, ...body });

  it('at sign-in', async () => {
    const { email, password } = practice.admin;
    await expectRejected([
      ['empty object', login({}), 400, 'VALIDATION_FAILED'],
      ['missing password', login({ email }), 400, 'VALIDATION_FAILED'],
      ['email as a number', login({ email: 42, password }), 400, 'VALIDATION_FAILED'],
      ['password as an object', login({ email, password: { $ne: '' } }), 400, 'VALIDATION_FAILED'],
      ['unknown field', login({ email, password, admin: true }), 400, 'VALIDATION_FAILED'],
      ['__proto__ field', () => api.raw('POST', '/auth/login', `{"email":"${email}","password":"${password}","__proto__":{"x":1}}`), 400, 'VALIDATION_FAILED'],
      ['array body', login([email, password]), 400, 'VALIDATION_FAILED'],
      ['JSON string body', login('hello'), 400, 'VALIDATION_FAILED'],
      ['JSON null body', () => api.raw('POST', '/auth/login', 'null'), 400, 'VALIDATION_FAILED'],
      ['not JSON', () => api.raw('POST', '/auth/login', '{"email": '), 400, 'VALIDATION_FAILED'],
      ['form-encoded', () => api.raw('POST', '/auth/login', `email=${email}&password=x`, 'application/x-www-form-urlencoded'), 400, 'VALIDATION_FAILED'],
      ['text/plain', () => api.raw('POST', '/auth/login', JSON.stringify({ email, password }), 'text/plain'), 400, 'VALIDATION_FAILED'],
      ['trusted device token as a number', login({ email, password, trustedDeviceToken: 7 }), 400, 'VALIDATION_FAILED'],
      ['JSON in Latin-1', () => api.raw('POST', '/auth/login', JSON.stringify({ email, password }), 'application/json; charset=iso-8859-1'), 400, 'VALIDATION_FAILED'],
      ['a lone surrogate in the password', () => api.raw('POST', '/auth/login', `{"email":"${email}","password":"\\ud800${password}"}`), 400, 'VALIDATION_FAILED'],
    ]);
  });

  it('says what is wrong with the body: JSON, as application/json, in UTF-8', async () => {
    const { email, password } = practice.admin;
    const json = JSON.stringify({ email, password });
    for (const contentType of ['application/x-www-form-urlencoded', 'text/plain']) {
      const response = await api.raw('POST', '/auth/login', json, contentType);
      expect(response.body.message).toBe('The request body must be JSON, sent with Content-Type: application/json.');
      expect(response.body.errors).toBeUndefined();
    }
    const latin1 = await api.raw('POST', '/auth/login', json, 'application/json; charset=iso-8859-1');
    expect(latin1.body.message).toBe('The request body must be JSON in UTF-8, not iso-8859-1.');
    const lone = await admin.raw('POST', '/clients', '{"name":"\\ud800Acme","code":"LONE"}');
    expect(lone.body.errors).toEqual([{ field: 'name', messages: ['name must be well-formed Unicode text'] }]);
  });

  it('gives one message per field: what kind of value it takes, when the kind is wrong', async () => {
    const number = await api.post('/auth/login/two-factor', { challengeToken: 7, code: 123456 });
    expect(number.body.errors).toEqual([
      { field: 'challengeToken', messages: ['challengeToken must be a string'] },
      { field: 'code', messages: ['code must be a string of 6 digits'] },
    ]);
    const empty = await api.post('/auth/login', {});
    expect(empty.body.errors).toEqual([
      { field: 'email', messages: ['email must be an email address'] },
      { field: 'password', messages: ['password must be a string'] },
    ]);
  });

  it('lists at most 20 problems, however many unknown fields a body has', async () => {
    const fields = Object.fromEntries(Array.from({ length: 5000 }, (_, n) => [`field${n}`, n]));
    const response = await api.post('/auth/login', { email: practice.admin.email, password: practice.admin.password, ...fields });
    expect(response.status).toBe(400);
    expect(response.body.errors).toHaveLength(20);
    expect(response.body.message).toBe('The request is not valid (the first 20 of 5000 problems are listed).');
  });

  it('at the code step', async () => {
    const code = await app.nextCode();
    await expectRejected([
      ['code as a JSON number', second({ code: Number(code) }), 400, 'VALIDATION_FAILED'],
      ['code of 5 digits', second({ code: code.slice(1) }), 400, 'VALIDATION_FAILED'],
      ['code with letters', second({ code: 'abcdef' }), 400, 'VALIDATION_FAILED'],
      ['full-width digits', second({ code: '１２３４５６' }), 400, 'VALIDATION_FAILED'],
      ['neither code nor backup code', second({}), 400, 'VALIDATION_FAILED'],
      ['both code and backup code', second({ code, backupCode: 'ABCD-EFGH-JKMN-PQRS' }), 400, 'VALIDATION_FAILED'],
      ['backup code as a number', second({ backupCode: 1234 }), 400, 'VALIDATION_FAILED'],
      ['rememberDevice as a string', second({ code, rememberDevice: 'yes' }), 400, 'VALIDATION_FAILED'],
      ['challenge token as a number', () => api.post('/auth/login/two-factor', { challengeToken: 1, code }), 400, 'VALIDATION_FAILED'],
      ['missing challenge token', () => api.post('/auth/login/two-factor', { code }), 400, 'VALIDATION_FAILED'],
      ['unknown field', second({ code, trustMe: true }), 400, 'VALIDATION_FAILED'],
    ]);
    // The right code still works on the same challenge afterwards: nothing was spent.
    expect((await api.post('/auth/login/two-factor', { challengeToken, code })).status).toBe(200);
  });

  it('in the 2FA flows', async () => {
    await expectRejected([
      ['verify: code as a JSON number', () => member.post('/profile/two-factor/verify', { code: 123456 }), 400, 'VALIDATION_FAILED'],
      ['verify: missing code', () => member.post('/profile/two-factor/verify', {}), 400, 'VALIDATION_FAILED'],
      ['verify: code as an array', () => member.post('/profile/two-factor/verify', { code: ['123456'] }), 400, 'VALIDATION_FAILED'],
      ['verify: unknown field', () => member.post('/profile/two-factor/verify', { code: '123456', enable: true }), 400, 'VALIDATION_FAILED'],
      ['verify: not JSON', () => member.raw('POST', '/profile/two-factor/verify', 'code=123456'), 400, 'VALIDATION_FAILED'],
      ['enable: unknown field', () => member.post('/profile/two-factor/enable', { force: true }), 400, 'VALIDATION_FAILED'],
      ['disable: password as a number', () => admin.post('/profile/two-factor/disable', { password: 123 }), 400, 'VALIDATION_FAILED'],
      ['disable: missing password', () => admin.post('/profile/two-factor/disable', {}), 400, 'VALIDATION_FAILED'],
      ['backup codes: code as a JSON number', () => admin.post('/profile/two-factor/backup-codes', { code: 123456 }), 400, 'VALIDATION_FAILED'],
      ['backup codes: no body', () => admin.post('/profile/two-factor/backup-codes'), 400, 'VALIDATION_FAILED'],
    ]);
  });

  it('in practice administration and client files', async () => {
    const newUser = { email: 'new.person@practice.test', firstName: 'New', lastName: 'Person', role: 'MEMBER', password: 'a long enough password' };
    await expectRejected([
      ['settings: "true" as a string', () => admin.patch('/practice/settings', { requireTwoFactor: 'true' }), 400, 'VALIDATION_FAILED'],
      ['settings: 1', () => admin.patch('/practice/settings', { requireTwoFactor: 1 }), 400, 'VALIDATION_FAILED'],
      ['settings: missing field', () => admin.patch('/practice/settings', {}), 400, 'VALIDATION_FAILED'],
      ['settings: __proto__ field', () => admin.raw('PATCH', '/practice/settings', '{"requireTwoFactor":true,"__proto__":{"x":1}}'), 400, 'VALIDATION_FAILED'],
      ['settings: unknown field', () => admin.patch('/practice/settings', { requireTwoFactor: true, name: 'Renamed' }), 400, 'VALIDATION_FAILED'],
      ['users: bad email', () => admin.post('/practice/users', { ...newUser, email: 'not-an-email' }), 400, 'VALIDATION_FAILED'],
      ['users: unknown role', () => admin.post('/practice/users', { ...newUser, role: 'OWNER' }), 400, 'VALIDATION_FAILED'],
      ['users: short password', () => admin.post('/practice/users', { ...newUser, password: 'short' }), 400, 'VALIDATION_FAILED'],
      ['users: weak long password', () => admin.post('/practice/users', { ...newUser, password: 'aaaaaaaaaaaaaaaa' }), 400, 'VALIDATION_FAILED'],
      ['users: blank name', () => admin.post('/practice/users', { ...newUser, firstName: '   ' }), 400, 'VALIDATION_FAILED'],
      ['users: missing fields', () => admin.post('/practice/users', { email: newUser.email }), 400, 'VALIDATION_FAILED'],
      ['users: practiceId smuggled in', () => admin.post('/practice/users', { ...newUser, practiceId: practice.id }), 400, 'VALIDATION_FAILED'],
      ['clients: name as a number', () => admin.post('/clients', { name: 7, code: 'SEVEN' }), 400, 'VALIDATION_FAILED'],
      ['clients: code with spaces inside', () => admin.post('/clients', { name: 'Seven', code: 'SE VEN' }), 400, 'VALIDATION_FAILED'],
      ['clients: unknown field', () => admin.post('/clients', { name: 'Seven', code: 'SEVEN', practiceId: practice.id }), 400, 'VALIDATION_FAILED'],
      ['clients: a right-to-left override in the name', () => admin.post('/clients', { name: 'Invoice \u202Egnp.exe', code: 'RTL' }), 400, 'VALIDATION_FAILED'],
      ['clients: a NUL in the name', () => admin.post('/clients', { name: 'Nul\u0000Byte', code: 'NUL' }), 400, 'VALIDATION_FAILED'],
      ['clients: a lone surrogate in the name', () => admin.raw('POST', '/clients', '{"name":"\\ud800lone","code":"LONE"}'), 400, 'VALIDATION_FAILED'],
      ['clients: a letter outside A-Z in the code', () => admin.post('/clients', { name: 'Ünïcødé Ltd', code: 'ÜNI' }), 400, 'VALIDATION_FAILED'],
    ]);
  });

  it('in path parameters', async () => {
    await expectRejected([
      ['client id', () => admin.get('/clients/not-a-uuid'), 400, 'VALIDATION_FAILED'],
      ['client id with SQL', () => admin.get(`/clients/${encodeURIComponent("1' OR '1'='1")}`), 400, 'VALIDATION_FAILED'],
      ['user id', () => admin.delete('/practice/users/123/two-factor'), 400, 'VALIDATION_FAILED'],
      ['trusted device id', () => admin.delete('/profile/trusted-devices/xyz'), 400, 'VALIDATION_FAILED'],
      ['notification id', () => admin.post('/notifications/%00/read'), 400, 'VALIDATION_FAILED'],
      ['unknown route', () => admin.get('/no-such-thing'), 404, 'NOT_FOUND'],
    ]);
  });

  it('in bodies over 100 kB: 413 before anything is read', async () => {
    const big = 'x'.repeat(101 * 1024);
    await expectRejected([
      ['sign-in', login({ email: practice.admin.email, password: big }), 413, 'PAYLOAD_TOO_LARGE'],
      ['client file', () => admin.post('/clients', { name: big, code: 'BIG' }), 413, 'PAYLOAD_TOO_LARGE'],
      ['settings', () => admin.raw('PATCH', '/practice/settings', `{"requireTwoFactor":true,"pad":"${big}"}`), 413, 'PAYLOAD_TOO_LARGE'],
    ]);
  });

  it('in sizes just under the limit that are still wrong: 400, not 500', async () => {
    const long = 'x'.repeat(90 * 1024);
    await expectRejected([
      ['long password', login({ email: practice.admin.email, password: long }), 400, 'VALIDATION_FAILED'],
      ['long client name', () => admin.post('/clients', { name: long, code: 'LONG' }), 400, 'VALIDATION_FAILED'],
      ['long challenge token', () => api.post('/auth/login/two-factor', { challengeToken: long, code: '123456' }), 400, 'VALIDATION_FAILED'],
      ['deeply nested body', () => api.raw('POST', '/auth/login', '{"email":'.repeat(2000) + '1' + '}'.repeat(2000)), 400, 'VALIDATION_FAILED'],
    ]);
  });
});
