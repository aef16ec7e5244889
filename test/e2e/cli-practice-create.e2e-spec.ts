import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

/** A port on this machine that nothing listens on: the system hands one out, and we give it back at once. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('npm run cli -- practice:create', () => {
  let testApp: TestApp;
  let env: Record<string, string>;
  const scratch = mkdtempSync(join(tmpdir(), 'practice-cloud-cli-'));
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
    rmSync(scratch, { recursive: true, force: true });
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
    ['a repeated option', [...args({ '--admin-email': 'twice@example.com' }), '--name', 'Other & Co'], /^Error: --name is given more than once/m],
    ['a repeated option written with =', [...args({ '--admin-email': 'twice@example.com' }), '--admin-password=another long passphrase'], /^Error: --admin-password is given more than once/m],
    ['a password of spaces', args({ '--admin-email': 'blank@example.com', '--admin-password': ' '.repeat(10) }), /^Error: --admin-password must not be blank$/m],
    ['a practice name of spaces', args({ '--admin-email': 'blank@example.com', '--name': '   ' }), /^Error: --name must not be blank$/m],
    ['an empty email', args({ '--admin-email': '' }), /^Error: --admin-email must not be blank$/m],
  ])('refuses %s with a clear error on stderr, a non-zero exit and nothing written', async (_case, cliArgs, message) => {
    const before = await practiceCount();
    const result = await runCli(['practice:create', ...cliArgs], env);
    expect(result.code).not.toBe(0);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(await practiceCount()).toBe(before);
  });

  it.each([' padded@example.com', 'padded@example.com ', 'jane..smith@example.com', 'jane@example.c'])(
    'refuses the email %j, as the API refuses it at sign-in, and writes nothing',
    async (email) => {
      const before = await practiceCount();
      const result = await runCli(['practice:create', ...args({ '--admin-email': email })], env);
      expect(result).toMatchObject({ code: 1, stdout: '' });
      expect(result.stderr).toMatch(/^Error: --admin-email is not an email address$/m);
      expect(await practiceCount()).toBe(before);

      const login = await new ApiClient(testApp.baseUrl).post('/auth/login', { email, password: VALID['--admin-password'] });
      expect(login.status).toBe(400);
      expect(JSON.stringify(login.body)).toContain('email must be an email address');
    },
  );

  it('takes an email the API takes, a quoted local part too, and the admin signs in with it as typed', async () => {
    const email = '"Jane Smith"@Example.com';
    const result = await runCli(['practice:create', ...args({ '--admin-email': email })], env);
    expect(result.code).toBe(0);
    const login = await new ApiClient(testApp.baseUrl).post('/auth/login', { email, password: VALID['--admin-password'] });
    expect(login.status).toBe(200);
    expect(login.body.user.id).toBe(JSON.parse(result.stdout).adminUserId);
  });

  it.each([
    ['--help', ['--help']],
    ['-h', ['-h']],
    ['practice:create --help', ['practice:create', '--help']],
    ['practice:create with its arguments and -h', ['practice:create', ...args({ '--admin-email': 'help@example.com' }), '-h']],
    ['db:migrate --help', ['db:migrate', '--help']],
  ])('%s prints the usage on stdout, exits 0 and leaves the database alone', async (_case, cliArgs) => {
    // An unreachable database: any attempt to use it would fail the command.
    const unreachable = { DATABASE_URL: `mysql://root@127.0.0.1:${await closedPort()}/practice_cloud`, DATA_ENCRYPTION_KEY: randomBytes(32).toString('base64') };
    const result = await runCli(cliArgs, unreachable);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toMatch(/^Usage:\n {2}npm run -s cli -- practice:create --name/);
  });

  describe('when the database cannot be used', () => {
    const secret = 's3cret-in-the-url';
    const key = randomBytes(32).toString('base64');

    it.each([
      ['practice:create', args({ '--admin-email': 'unreachable@example.com' })],
      ['db:migrate', []],
    ])('%s names the unreachable MySQL server in one line, without a stack or the password, and exits 1', async (command, cliArgs) => {
      const port = await closedPort();
      const result = await runCli([command, ...cliArgs], { DATABASE_URL: `mysql://root:${secret}@127.0.0.1:${port}/practice_cloud`, DATA_ENCRYPTION_KEY: key });
      expect(result).toMatchObject({ code: 1, stdout: '' });
      expect(result.stderr.trimEnd().split('\n')).toEqual([
        `Configuration error: DATABASE_URL: the server at 127.0.0.1:${port} is not reachable (ECONNREFUSED); check the host and port, and that the server is running`,
      ]);
      expect(result.stderr).not.toContain(secret);
    });

    it.each([
      ['with DATA_ENCRYPTION_KEY', { DATA_ENCRYPTION_KEY: key }],
      ['without DATA_ENCRYPTION_KEY', {}],
    ])('a DATA_DIR that is a file, %s, is one line naming DATA_DIR, and exit 1', async (_case, extra) => {
      const notAFolder = join(scratch, 'not-a-folder');
      writeFileSync(notAFolder, '');
      const result = await runCli(['practice:create', ...args({ '--admin-email': 'data-dir@example.com' })], { DATA_DIR: notAFolder, ...extra });
      expect(result).toMatchObject({ code: 1, stdout: '' });
      expect(result.stderr.trimEnd().split('\n')).toEqual([
        expect.stringMatching(/^Configuration error: DATA_DIR: the (key|database) file \S+ cannot be opened or created \(EEXIST\); check the folder and its permissions$/),
      ]);
      expect(result.stderr).toContain(`${notAFolder}/`);
    });
  });
});
