import { afterAll, beforeAll } from '@jest/globals';
import { ApiClient } from './api-client.js';
import { SmtpSink } from './smtp-sink.js';
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

/** The same, with a local SMTP sink that receives every email the app sends. */
export function useTestAppWithMail(options: TestAppOptions = {}): Suite & { smtp: SmtpSink } {
  let smtp: SmtpSink | undefined;
  beforeAll(async () => {
    smtp = await SmtpSink.start();
  });
  const suite = useTestApp(() => ({ ...options, smtpUrl: smtp!.url }));
  afterAll(async () => {
    await smtp?.close();
  });
  return Object.defineProperty(suite, 'smtp', { get: () => smtp }) as Suite & { smtp: SmtpSink };
}
