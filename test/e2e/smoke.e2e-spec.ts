import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ApiClient } from '../support/api-client.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

describe('smoke', () => {
  let testApp: TestApp;
  let api: ApiClient;

  beforeAll(async () => {
    testApp = await startTestApp();
    api = new ApiClient(testApp.baseUrl);
    await testApp.createPractice({
      name: 'Smoke & Co',
      admin: { email: 'admin@smoke.test', password: 'correct horse battery', firstName: 'Ada', lastName: 'Admin' },
    });
  });

  afterAll(async () => {
    await testApp.close();
  });

  it('signs in with a password', async () => {
    const login = await api.post('/auth/login', { email: 'admin@smoke.test', password: 'correct horse battery' });
    expect(login.status).toBe(200);
    expect(login.body.status).toBe('AUTHENTICATED');
    const clients = await api.withToken(login.body.accessToken).get('/clients');
    expect(clients.status).toBe(200);
  });
});
