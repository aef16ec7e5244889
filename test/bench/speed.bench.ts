import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import mysql from 'mysql2/promise';
import { ApiClient } from '../support/api-client.js';
import { Authenticator, secretFromOtpauthUrl } from '../support/authenticator.js';
import { BuiltApi } from '../support/built-api.js';
import { runCli } from '../support/built-cli.js';
import { freePort } from '../support/ports.js';
import { MYSQL_ROOT_URL, TEST_REDIS_URL } from '../support/test-app.js';

/**
 * The speed promises of the design, measured on the production start (the built API on MariaDB and Bull on Redis):
 *   - turning enforcement on answers in the same time for a practice of 10 members or of 10,000, because the
 *     request writes one row and the queue does the fan-out;
 *   - a guarded request costs the session lookup and nothing that grows with the practice;
 *   - a sign-in costs about one password hash.
 * It prints medians and asserts only what must be true (every member got a notice), never a time: the figures
 * are for people to compare across changes on the same machine. Run with `npm run bench`.
 */
const PASSWORD = 'bench passphrase, long enough';
const SIZES = [10, 10_000];
const TOGGLES = 5;
const REQUESTS = 50;

describe('speed', () => {
  const suffix = randomBytes(4).toString('hex');
  const schema = `practice_cloud_bench_${suffix}`;
  const dataDir = mkdtempSync(join(tmpdir(), 'practice-cloud-bench-'));
  let root: mysql.Connection;
  let env: Record<string, string>;
  let api: BuiltApi;
  let baseUrl: string;
  const rows: string[] = [];

  beforeAll(async () => {
    root = await mysql.createConnection(`${MYSQL_ROOT_URL}/?multipleStatements=false`);
    await root.query(`CREATE DATABASE \`${schema}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
    const port = await freePort();
    env = {
      NODE_ENV: 'production',
      PORT: String(port),
      DATABASE_URL: `${MYSQL_ROOT_URL}/${schema}`,
      REDIS_URL: TEST_REDIS_URL,
      QUEUE_PREFIX: `practice-cloud-bench-${suffix}`,
      DATA_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
      DATA_DIR: dataDir,
      PORTAL_DIR: '',
      LOG_LEVEL: 'warn',
      // The bench signs the same account in many times; the limits on guessing are not what it measures.
      SIGN_IN_LIMIT_PER_ACCOUNT: '100000',
      SIGN_IN_LIMIT_PER_IP: '100000',
    };
    api = BuiltApi.spawn(env);
    baseUrl = `http://127.0.0.1:${port}`;
    await waitUntilLive(baseUrl, api);
  }, 120_000);

  afterAll(async () => {
    api?.kill();
    await api?.exited;
    await root?.query(`DROP DATABASE IF EXISTS \`${schema}\``);
    await root?.end();
    rmSync(dataDir, { recursive: true, force: true });
    process.stdout.write(`\n${rows.join('\n')}\n\n`);
  });

  it.each(SIZES)('turning enforcement on for a practice of %i members', async (members) => {
    const { client, practiceId } = await practiceOf(members);
    const patchMs: number[] = [];
    for (let toggle = 0; toggle < TOGGLES; toggle++) {
      const before = await noticesOf(practiceId);
      const started = performance.now();
      const on = await client.patch('/practice/settings', { requireTwoFactor: true });
      patchMs.push(performance.now() - started);
      expect(on.status).toBe(200);
      expect(on.body.noticesQueued).toBe(members + 1);
      // The next toggle waits for this fan-out to finish, so each PATCH is timed on a quiet queue.
      const delivered = await waitForNotices(practiceId, before + members + 1);
      if (toggle === 0) rows.push(`fan-out of ${members + 1} notices (in-app + email to the log): ${delivered.toFixed(0)} ms`);
      expect((await client.patch('/practice/settings', { requireTwoFactor: false })).status).toBe(200);
    }
    rows.push(`PATCH /practice/settings on, ${members} members: ${summary(patchMs)}`);
  }, 900_000);

  it('a guarded request and a sign-in', async () => {
    const { admin, client } = await practiceOf(10);
    const guardedMs: number[] = [];
    for (let n = 0; n < REQUESTS; n++) {
      const started = performance.now();
      expect((await client.get('/clients')).status).toBe(200);
      guardedMs.push(performance.now() - started);
    }
    rows.push(`GET /clients (session + 2FA guard): ${summary(guardedMs)}`);

    const signInMs: number[] = [];
    for (let n = 0; n < REQUESTS / 5; n++) {
      const started = performance.now();
      const login = await new ApiClient(baseUrl).post('/auth/login', { email: admin, password: PASSWORD });
      signInMs.push(performance.now() - started);
      expect(login.body.status).toBe('TWO_FACTOR_REQUIRED');
    }
    rows.push(`POST /auth/login (password step): ${summary(signInMs)}`);
  }, 300_000);

  /** A practice made by the operators' CLI, its members inserted in bulk, its administrator signed in with 2FA. */
  async function practiceOf(members: number): Promise<{ admin: string; practiceId: string; client: ApiClient }> {
    const tag = `${members}.${randomBytes(3).toString('hex')}`;
    const admin = `admin.${tag}@bench.test`;
    const created = await runCli(
      ['practice:create', '--name', `Bench ${members}`, '--admin-email', admin, '--admin-password', PASSWORD,
        '--admin-first-name', 'Bench', '--admin-last-name', 'Admin'],
      env,
    );
    expect(created.code).toBe(0);
    const { practiceId } = JSON.parse(created.stdout) as { practiceId: string };
    // Members share the administrator's password hash: hashing 10,000 passwords would only time argon2.
    const [[{ password_hash: passwordHash }]] = await root.query<mysql.RowDataPacket[]>(
      `SELECT password_hash FROM \`${schema}\`.users WHERE email = ?`,
      [admin],
    );
    for (let first = 0; first < members; first += 1000) {
      const batch = Array.from({ length: Math.min(1000, members - first) }, (_, n) => [
        randomUUID(), practiceId, `member${first + n}.${tag}@bench.test`, passwordHash,
        'Bench', `Member ${first + n}`, 'MEMBER', new Date(),
      ]);
      await root.query(
        `INSERT INTO \`${schema}\`.users (id, practice_id, email, password_hash, first_name, last_name, role, created_at) VALUES ?`,
        [batch],
      );
    }

    const anonymous = new ApiClient(baseUrl);
    const login = await anonymous.post('/auth/login', { email: admin, password: PASSWORD });
    const client = anonymous.withToken(login.body.accessToken);
    const setup = await client.post('/profile/two-factor/setup');
    const app = new Authenticator(secretFromOtpauthUrl(setup.body.otpauthUrl));
    expect((await client.post('/profile/two-factor/verify', { code: await app.nextCode() })).status).toBe(200);
    expect((await client.post('/profile/two-factor/enable', {})).status).toBe(200);
    return { admin, practiceId, client };
  }

  /** The practice's enforcement notices, of every enforcement so far. */
  async function noticesOf(practiceId: string): Promise<number> {
    const [[row]] = await root.query<mysql.RowDataPacket[]>(
      `SELECT COUNT(*) AS n FROM \`${schema}\`.notifications n JOIN \`${schema}\`.users u ON u.id = n.user_id WHERE u.practice_id = ? AND n.type IN ('TWO_FACTOR_REQUIRED', 'TWO_FACTOR_REQUIRED_INFO')`,
      [practiceId],
    );
    return Number(row.n);
  }

  /** Milliseconds until the practice has `expected` enforcement notices in all. */
  async function waitForNotices(practiceId: string, expected: number): Promise<number> {
    const started = performance.now();
    while ((await noticesOf(practiceId)) < expected) {
      if (performance.now() - started > 600_000) throw new Error(`fewer than ${expected} notices after 10 minutes`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return performance.now() - started;
  }
});

async function waitUntilLive(baseUrl: string, api: BuiltApi): Promise<void> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (api.child.exitCode !== null) throw new Error(`The API exited: ${api.stderr || api.stdout}`);
    const live = await fetch(`${baseUrl}/api/health/live`).then((r) => r.ok, () => false);
    if (live) return;
    if (Date.now() > deadline) throw new Error('The API did not start in 60 s');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

function summary(ms: number[]): string {
  const sorted = [...ms].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))].toFixed(1);
  return `median ${at(0.5)} ms, min ${sorted[0].toFixed(1)}, max ${sorted[sorted.length - 1].toFixed(1)} (${ms.length} runs)`;
}
