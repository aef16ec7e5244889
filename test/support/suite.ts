import { afterAll, beforeAll } from '@jest/globals';
import { ApiClient } from './api-client.js';
import { startTestApp, type TestApp, type TestAppOptions } from './test-app.js';

export interface Suite {
  testApp: TestApp;
  /** A client without a session, as a browser before sign-in. */
  api: ApiClient;
}

/** One app for the whole describe block: booted before its first test, closed (database dropped) after its last. */
export function useTestApp(options: TestAppOptions | (() => TestAppOptions) = {}): Suite {
  const suite = {} as Suite;
  beforeAll(async () => {
    suite.testApp = await startTestApp(typeof options === 'function' ? options() : options);
    suite.api = new ApiClient(suite.testApp.baseUrl);
  });
  afterAll(async () => {
    await suite.testApp?.close();
  });
  return suite;
}
