import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import mysql from 'mysql2/promise';
import { ApiClient } from '../support/api-client.js';
import { totpCode } from '../support/authenticator.js';
import { BUILT_API, BuiltApi } from '../support/built-api.js';
import { runCli } from '../support/built-cli.js';
import { composeEnvironment, interpolate } from '../support/compose-file.js';
import { freePort } from '../support/ports.js';
import { SmtpSink } from '../support/smtp-sink.js';
import { MYSQL_ROOT_URL, TEST_REDIS_URL } from '../support/test-app.js';

const run = promisify(execFile);
const dockerfile = readFileSync('docker/Dockerfile', 'utf8');
const runtimeStage = dockerfile.slice(dockerfile.indexOf('AS runtime'));
/** The JSON-array instructions of the runtime stage: CMD ["node", "…"], HEALTHCHECK … CMD ["node", "-e", "…"]. */
const instruction = (pattern: RegExp) => JSON.parse(pattern.exec(runtimeStage.replace(/\\\n\s*/g, ''))![1]) as string[];
const START = instruction(/^CMD (\[.*\])$/m);
const HEALTHCHECK = instruction(/^HEALTHCHECK .*? CMD (\[.*\])$/m);

/**
 * No Docker engine runs here, so this does natively what the container would: the compose file's app environment
 * (its variable names and values, with the service host names pointed at the local MariaDB, Redis and an SMTP
 * sink), the image's start command and HEALTHCHECK, against the build output the image copies.
 */
describe('the production start, as docker/compose.yml runs it', () => {
  const suffix = randomBytes(4).toString('hex');
  const schema = `practice_cloud_compose_${suffix}`;
  const dbUser = `pc_compose_${suffix}`;
  const dataDir = mkdtempSync(join(tmpdir(), 'practice-cloud-compose-'));
  let smtp: SmtpSink;
  let root: mysql.Connection;
  let env: Record<string, string>;
  let port: number;
  let app: BuiltApi;

  beforeAll(async () => {
    root = await mysql.createConnection(MYSQL_ROOT_URL);
    await root.query(`CREATE DATABASE \`${schema}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
    smtp = await SmtpSink.start();
    port = await freePort();

    const compose = composeEnvironment('app');
    const given = { DATA_ENCRYPTION_KEY: randomBytes(32).toString('base64'), MYSQL_PASSWORD: `compose-${suffix}` };
    env = Object.fromEntries(Object.entries(compose).map(([name, value]) => [name, interpolate(value, given)]));
    // The service host names, as this machine has them.
    const database = new URL(env.DATABASE_URL);
    const local = new URL(MYSQL_ROOT_URL);
    await root.query(`CREATE USER '${dbUser}'@'%' IDENTIFIED BY '${decodeURIComponent(database.password)}'`);
    await root.query(`GRANT ALL ON \`${schema}\`.* TO '${dbUser}'@'%'`);
    Object.assign(database, { hostname: local.hostname, port: local.port || '3306', username: dbUser, pathname: `/${schema}` });
    env.DATABASE_URL = database.toString();
    env.REDIS_URL = TEST_REDIS_URL;
    env.SMTP_URL = smtp.url;
    env.QUEUE_PREFIX = `practice-cloud-compose-${suffix}`;
    // The image's own ENV, with this machine's paths.
    Object.assign(env, { PORT: String(port), DATA_DIR: dataDir, PORTAL_DIR: '' });
  });

  afterAll(async () => {
    app?.kill();
    await smtp.close();
    await root.query(`DROP USER IF EXISTS '${dbUser}'@'%'`);
    await root.query(`DROP DATABASE IF EXISTS \`${schema}\``);
    await root.end();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('uses the variables the README documents, and the image starts the built API', () => {
    expect(Object.keys(env)).toEqual(expect.arrayContaining(['DATABASE_URL', 'REDIS_URL', 'SMTP_URL', 'DATA_ENCRYPTION_KEY']));
    expect(env.NODE_ENV).toBe('production');
    expect(START).toEqual(['node', 'api/dist/api/src/main.js']);
    expect(BUILT_API.endsWith(START[1])).toBe(true);
    expect(runtimeStage).toMatch(/^USER node$/m);
  });

  it('migrates with the operator script, starts, and answers the HEALTHCHECK', async () => {
    const migrate = await runCli(['db:migrate'], env);
    expect(migrate).toMatchObject({ code: 0 });
    expect(migrate.stderr).toContain('Applied:');

    app = BuiltApi.spawn(env);
    await app.waitForLog('Practice Cloud is running');
    await expect(run(HEALTHCHECK[0], HEALTHCHECK.slice(1), { env: { PATH: process.env.PATH, PORT: env.PORT } })).resolves.toBeDefined();
    const health = await new ApiClient(`http://127.0.0.1:${port}`).get('/health');
    expect(health).toMatchObject({ status: 200, body: { info: { database: { status: 'up' }, queue: { status: 'up' } } } });
  });

  it('serves a practice created with the CLI, and sends its emails through SMTP', async () => {
    const created = await runCli(
      ['practice:create', '--name', 'Compose & Co', '--admin-email', 'ops@compose.test', '--admin-password', 'a long compose passphrase',
        '--admin-first-name', 'Olu', '--admin-last-name', 'Ops'],
      env,
    );
    expect(created.code).toBe(0);
    const api = new ApiClient(`http://127.0.0.1:${port}`);
    const login = await api.post('/auth/login', { email: 'ops@compose.test', password: 'a long compose passphrase' });
    expect(login.body.status).toBe('AUTHENTICATED');
    const session = api.withToken(login.body.accessToken);
    const { secret } = (await session.post('/profile/two-factor/setup')).body;
    expect((await session.post('/profile/two-factor/verify', { code: totpCode(secret) })).status).toBe(200);
    expect((await session.post('/profile/two-factor/enable', {})).status).toBe(200);

    await smtp.waitFor(() => smtp.to('ops@compose.test').length > 0);
    expect(smtp.to('ops@compose.test')[0].raw).toContain('From: Practice Cloud <no-reply@practice-cloud.local>');
  });

  it('stops on SIGTERM with exit code 0, and the HEALTHCHECK then fails', async () => {
    app.child.kill('SIGTERM');
    expect(await app.exited).toEqual({ code: 0, signal: null });
    await expect(run(HEALTHCHECK[0], HEALTHCHECK.slice(1), { env: { PATH: process.env.PATH, PORT: env.PORT } })).rejects.toMatchObject({
      code: 1,
    });
  });
});
