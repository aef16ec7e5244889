import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BuiltApi } from '../support/built-api.js';
import { freePort } from '../support/ports.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const BUILT_PORTAL = 'admin-portal/dist/admin-portal/browser/index.html';

/** The built portal as the API serves it, under the Content-Security-Policy the API sends with it. */
describe('the portal at /', () => {
  let testApp: TestApp;

  beforeAll(async () => {
    if (!existsSync(BUILT_PORTAL)) throw new Error(`${BUILT_PORTAL} is missing: run \`npm run build\` first`);
    testApp = await startTestApp({ servePortal: true });
  });

  afterAll(async () => {
    await testApp?.close();
  });

  it('serves index.html for a portal route, with nothing in it that the CSP blocks', async () => {
    const response = await fetch(`${testApp.baseUrl}/sign-in`);
    expect(response.status).toBe(200);
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("script-src-attr 'none'");
    const html = await response.text();
    expect(html).toContain('<app-root');
    // script-src-attr 'none': an inline handler (Angular's critical-CSS `<link media="print" onload=…>`) never runs.
    expect(html).not.toMatch(/<[^>]+\son[a-z]+\s*=/i);
    // script-src 'self': only scripts loaded from this origin run, none written into the page.
    expect([...html.matchAll(/<script\b([^>]*)>/gi)].every(([, attributes]) => /\ssrc=/.test(attributes))).toBe(true);
  });

  it('serves every script and stylesheet index.html loads, from this origin', async () => {
    const html = await (await fetch(`${testApp.baseUrl}/`)).text();
    const assets = [...html.matchAll(/<(?:script|link)\b[^>]*\s(?:src|href)="([^"]+\.(?:js|css))"/g)].map((match) => match[1]);
    expect(assets.length).toBeGreaterThan(0);
    for (const asset of assets) {
      expect(asset).not.toMatch(/^[a-z]+:|^\/\//);
      expect({ asset, status: (await fetch(new URL(asset, `${testApp.baseUrl}/`))).status }).toEqual({ asset, status: 200 });
    }
  });
});

describe('without a built portal at the default PORTAL_DIR', () => {
  const workDir = mkdtempSync(join(tmpdir(), 'practice-cloud-no-portal-'));
  let api: BuiltApi;
  let port: number;

  beforeAll(async () => {
    port = await freePort();
    // Started in an empty folder: the default PORTAL_DIR (relative) and DATA_DIR resolve there.
    api = BuiltApi.spawn({ NODE_ENV: 'test', PORT: String(port), SEED_DEMO: 'false' }, workDir);
    await api.waitForLog('Practice Cloud is running');
  });

  afterAll(() => {
    api?.kill();
    rmSync(workDir, { recursive: true, force: true });
  });

  it('serves the API only, and says why', async () => {
    expect(api.logLines).toContainEqual(expect.objectContaining({ msg: expect.stringMatching(/^The portal is not built .*serving the API only\.$/) }));
    expect((await fetch(`http://127.0.0.1:${port}/api/health/live`)).status).toBe(200);
    const root = await fetch(`http://127.0.0.1:${port}/`);
    expect(root.status).toBe(404);
    expect(await root.json()).toMatchObject({ statusCode: 404, code: expect.any(String) });
  });
});
