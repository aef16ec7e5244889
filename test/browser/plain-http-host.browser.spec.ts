/**
 * Outside production the portal is often opened over plain HTTP under a host name (a colleague's machine, a test
 * server on the office network), not only on localhost, which browsers treat as secure. The page must load there
 * too: nothing may send the browser to HTTPS for its scripts and styles.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { Computer, expectVisible } from './helpers.js';

const HOST = 'portal.practice-cloud.test';

describe('The portal over plain HTTP under a host name', () => {
  let app: TestApp;
  let computer: Computer;

  beforeAll(async () => {
    app = await startTestApp({ database: 'sqlite', servePortal: true });
    const { port } = new URL(app.baseUrl);
    // The host name resolves to the test app's loopback address, but to the browser it is an ordinary HTTP site.
    computer = await Computer.start(`http://${HOST}:${port}`, { args: [`--host-resolver-rules=MAP ${HOST} 127.0.0.1`] });
  });

  afterAll(async () => {
    await computer?.close();
    await app?.close();
  });

  it('shows the sign-in page with its styles and scripts, all loaded over HTTP', async () => {
    const page = await computer.page();
    const failed: string[] = [];
    page.on('requestfailed', (request) => failed.push(`${request.url()}: ${request.failure()?.errorText ?? ''}`));
    await page.goto('/sign-in');
    await expectVisible(page.getByRole('heading', { name: 'Sign in' }));
    expect(failed).toEqual([]);
    expect(new URL(page.url()).protocol).toBe('http:');
  });
});
