import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { ApiClient } from '../support/api-client.js';
import { runCli } from '../support/built-cli.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const VALID = {
  '--name': 'Smith & Co: Audit',
  '--admin-email': 'Jane.Smith@Example.co.za',
  '--admin-password': 'a long and careful passphrase',
  '--admin-first-name': 'Jane',
  '--admin-last-name': 'Smith',
};
const run = promisify(execFile);
const args = (overrides: Record<string, string | null> = {}) =>
  Object.entries({ ...VALID, ...overrides }).flatMap(([flag, value]) => (value === null ? [] : [flag, value]));

describe('npm run cli -- practice:create', () => {
  let testApp: TestApp;
  let env: Record<string, string>;
  const practiceCount = async () => Number((await testApp.dataSource.query('SELECT COUNT(*) AS n FROM practices'))[0].n);

  beforeAll(async () => {
    testApp = await startTestApp({ redis: false });
    const { database } = testApp.config;
    env =
      database.kind === 'mysql'
        ? { DATABASE_URL: database.url, DATA_ENCRYPTION_KEY: testApp.config.dataEncryptionKey.toString('base64') }
        : { DATA_DIR: database.file.replace(/\/[^/]+$/, '') };
  });

  afterAll(async () => {
    await testApp.close();
  });

  it('creates the practice and its administrator, prints one line of JSON, and the admin can sign in', async () => {
    const result = await runCli(['practice:create', ...args()], env);
    expect(result.code).toBe(0);
    const lines = result.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const created = JSON.parse(lines[0]) as { practiceId: string; adminUserId: string };
    expect(created).toEqual({ practiceId: expect.any(String), adminUserId: expect.any(String) });

    const login = await new ApiClient(testApp.baseUrl).post('/auth/login', {
      email: 'jane.smith@example.co.za',
      password: VALID['--admin-password'],
    });
    expect(login.status).toBe(200);
    expect(login.body.user).toMatchObject({ id: created.adminUserId, role: 'ADMIN', practice: { id: created.practiceId, name: 'Smith & Co: Audit' } });
  });

  it("through npm as the README writes it (`npm run -s cli -- …`), stdout is still that one line, password not echoed", async () => {
    const npm = await run('npm', ['run', '-s', 'cli', '--', 'practice:create', ...args({ '--admin-email': 'npm@example.com' })], {
      env: { PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: 'test', ...env },
    });
    expect(npm.stdout.trim().split('\n')).toEqual([expect.stringMatching(/^\{"practiceId":"[^"]+","adminUserId":"[^"]+"\}$/)]);
    expect(npm.stdout + npm.stderr).not.toContain(VALID['--admin-password']);
  });

  it.each([
    ['a missing argument', args({ '--admin-last-name': null }), /--admin-last-name/],
    ['a malformed email', args({ '--admin-email': 'not-an-email' }), /--admin-email/],
    ['a weak password', args({ '--admin-email': 'weak@example.com', '--admin-password': 'short' }), /--admin-password/],
    ['an email that is taken', args({ '--admin-email': 'JANE.SMITH@example.co.za' }), /exists already/],
    ['an unknown flag', [...args({ '--admin-email': 'other@example.com' }), '--colour', 'blue'], /colour/],
    ['an over-long name', args({ '--admin-email': 'long@example.com', '--admin-first-name': 'J'.repeat(5000) }), /--admin-first-name must be at most 100/],
    ['a text-direction override in a name', args({ '--admin-email': 'rtl@example.com', '--admin-last-name': 'Smith\u202Egnp' }), /--admin-last-name must not contain/],
  ])('refuses %s with a clear error on stderr, a non-zero exit and nothing written', async (_case, cliArgs, message) => {
    const before = await practiceCount();
    const result = await runCli(['practice:create', ...cliArgs], env);
    expect(result.code).not.toBe(0);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(await practiceCount()).toBe(before);
  });
});
