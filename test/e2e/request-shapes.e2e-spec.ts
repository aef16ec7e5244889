import { describe, expect, it } from '@jest/globals';
import { request as httpRequest } from 'node:http';
import { createPractice, signIn } from '../support/practice-factory.js';
import { useTestApp } from '../support/suite.js';

/**
 * Bodies and requests of the wrong shape, whatever the route: every one is a 4xx in the contract's error shape
 * (never a 500, never an empty body), and none changes anything.
 */
describe('request shapes', () => {
  const suite = useTestApp();

  const deeplyNested = (depth: number) => `{"email":${'['.repeat(depth)}"a@b.co"${']'.repeat(depth)},"password":"x"}`;

  it('a body nested thousands deep is a 400, on a route behind the password guard and on one behind the session guard', async () => {
    const { api, testApp } = suite;
    const practice = await createPractice(testApp);
    const admin = await signIn(api, practice.admin);
    for (const response of [
      await api.raw('POST', '/auth/login', deeplyNested(5000)),
      await admin.raw('PATCH', '/practice/settings', `{"requireTwoFactor":${'['.repeat(5000)}true${']'.repeat(5000)}}`),
    ]) {
      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED', message: expect.stringMatching(/nested/) });
    }
    expect((await admin.get('/practice/settings')).body.requireTwoFactor).toBe(false);
    // A body of ordinary depth still goes through.
    expect((await api.post('/auth/login', { email: practice.admin.email, password: practice.admin.password })).status).toBe(200);
  });

  it.each([
    ['an array', '[{"email":"a@b.co","password":"x"}]', /must be a JSON object/],
    ['null', 'null', /must be a JSON object/],
    ['a string', '"email"', /must be a JSON object/],
    ['a number', '42', /must be a JSON object/],
    ['broken JSON', '{"email":', /not valid JSON/],
  ])('a body that is %s is a 400 that says what is wrong', async (_, body, message) => {
    const response = await suite.api.raw('POST', '/auth/login', body);
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ code: 'VALIDATION_FAILED', message: expect.stringMatching(message) });
  });

  it('routes that take no body refuse unknown fields, and accept no body or {}', async () => {
    const { api, testApp } = suite;
    const practice = await createPractice(testApp);
    const admin = await signIn(api, practice.admin);

    const setup = await admin.post('/profile/two-factor/setup', { secret: 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' });
    expect(setup.status).toBe(400);
    expect(setup.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ field: 'secret', messages: [expect.any(String)] }] });
    const logout = await admin.post('/auth/logout', { everywhere: true });
    expect(logout.status).toBe(400);
    expect((await admin.get('/profile')).status).toBe(200); // the refused sign-out ended nothing

    expect((await admin.post('/profile/two-factor/setup')).status).toBe(201);
    expect((await admin.post('/profile/two-factor/setup', {})).status).toBe(201);
    expect((await admin.post('/auth/logout', {})).status).toBe(204);
  });

  it('a path id in capitals is the same id', async () => {
    const { api, testApp } = suite;
    const practice = await createPractice(testApp);
    const admin = await signIn(api, practice.admin);
    const created = await admin.post('/clients', { name: 'Upper & Lower', code: 'UPLO' });
    const fetched = await admin.get(`/clients/${String(created.body.id).toUpperCase()}`);
    expect(fetched.status).toBe(200);
    expect(fetched.body.id).toBe(created.body.id);
  });

  it('answers carrying secrets, codes or tokens may not be cached', async () => {
    const { api, testApp } = suite;
    const practice = await createPractice(testApp);
    const login = await api.post('/auth/login', { email: practice.admin.email, password: practice.admin.password });
    expect(login.headers.get('cache-control')).toBe('no-store');
    const admin = api.withToken(login.body.accessToken);
    const setup = await admin.post('/profile/two-factor/setup');
    expect(setup.headers.get('cache-control')).toBe('no-store');
    const verify = await admin.post('/profile/two-factor/verify', { code: '000000' });
    expect(verify.headers.get('cache-control')).toBe('no-store');
    const failed = await api.post('/auth/login', { email: practice.admin.email, password: 'wrong' });
    expect(failed.headers.get('cache-control')).toBe('no-store');
  });

  it('headers over the server limit get a 431 in the contract shape', async () => {
    const url = new URL(`${suite.testApp.baseUrl}/api/profile`);
    const { status, body } = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const request = httpRequest(
        { host: url.hostname, port: url.port, path: url.pathname, headers: { 'x-padding': 'x'.repeat(20_000) } },
        (response) => {
          let text = '';
          response.setEncoding('utf8');
          response.on('data', (chunk: string) => (text += chunk));
          response.on('end', () => resolve({ status: response.statusCode ?? 0, body: text }));
        },
      );
      request.on('error', reject);
      request.end();
    });
    expect(status).toBe(431);
    expect(JSON.parse(body)).toEqual({
      statusCode: 431,
      error: 'Request Header Fields Too Large',
      code: 'VALIDATION_FAILED',
      message: 'The request headers are too large.',
    });
  });
});
