import { afterEach, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiClient } from '../support/api-client.js';
import { BuiltApi } from '../support/built-api.js';
import { freePort } from '../support/ports.js';

const DEMO_ADMIN = { email: 'admin@demo.practice-cloud.test', password: 'practice-cloud-demo' };

/** `npm start` on the embedded default: the demo practice, with its published password, for a local trial only. */
describe('the demo practice on a first start of the built API', () => {
  let api: BuiltApi | undefined;
  let dataDir: string;

  afterEach(() => {
    api?.kill();
    rmSync(dataDir, { recursive: true, force: true });
  });

  async function start(env: Record<string, string>): Promise<ApiClient> {
    dataDir = mkdtempSync(join(tmpdir(), 'practice-cloud-demo-'));
    const port = await freePort();
    api = BuiltApi.spawn({ PORT: String(port), DATA_DIR: dataDir, PORTAL_DIR: '', ...env });
    await api.waitForLog('Practice Cloud is running');
    return new ApiClient(`http://127.0.0.1:${port}`);
  }

  it('outside production: created, and announced in one warning log line that says how to sign in', async () => {
    const client = await start({ NODE_ENV: 'development' });
    expect((await client.post('/auth/login', DEMO_ADMIN)).body.status).toBe('AUTHENTICATED');
    // Every line on stdout is a JSON log line; the sign-in text is one of them, at warn (40).
    const lines = api!.stdout.trim().split('\n');
    expect(api!.logLines).toHaveLength(lines.length);
    const seeded = api!.logLines.filter((line) => line.context === 'DemoSeed');
    expect(seeded).toEqual([expect.objectContaining({ level: 40 })]);
    expect(seeded[0].msg).toContain(`as ${DEMO_ADMIN.email}`);
    expect(seeded[0].msg).toContain(`with the password ${DEMO_ADMIN.password}`);
    expect(seeded[0].msg).toMatch(/local trial only/);
  });

  it('in production: never, so the published password opens nothing', async () => {
    const client = await start({ NODE_ENV: 'production' });
    const login = await client.post('/auth/login', DEMO_ADMIN);
    expect(login).toMatchObject({ status: 401, body: { code: 'INVALID_CREDENTIALS' } });
    expect(api!.logLines.filter((line) => line.context === 'DemoSeed')).toEqual([]);
  });
});
