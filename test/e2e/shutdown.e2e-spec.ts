import { afterEach, describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { type AddressInfo, connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mysql from 'mysql2/promise';
import { SMTPServer } from 'smtp-server';
import { ApiClient } from '../support/api-client.js';
import { totpCode } from '../support/authenticator.js';
import { BuiltApi } from '../support/built-api.js';
import { runCli } from '../support/built-cli.js';
import { freePort, isListening } from '../support/ports.js';
import { MYSQL_ROOT_URL, TEST_REDIS_URL } from '../support/test-app.js';

const DEMO_LOGIN = JSON.stringify({ email: 'admin@demo.practice-cloud.test', password: 'practice-cloud-demo' });

/** Sends a request's headers and waits for `100 Continue`: from then on the server is serving this request. */
async function startRequest(port: number, body: string): Promise<{ socket: Socket; answer: () => Promise<string> }> {
  const socket = connect(port, '127.0.0.1');
  let received = '';
  socket.on('data', (chunk: Buffer) => (received += chunk.toString()));
  const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
  await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
  socket.write(
    'POST /api/auth/login HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n' +
      `Content-Length: ${Buffer.byteLength(body)}\r\nExpect: 100-continue\r\n\r\n`,
  );
  while (!received.includes('100 Continue')) await new Promise((resolve) => setTimeout(resolve, 10));
  received = '';
  return {
    socket,
    answer: async () => {
      socket.write(body);
      await closed;
      return received;
    },
  };
}

describe('graceful shutdown of the built API', () => {
  let api: BuiltApi | undefined;
  const dataDir = mkdtempSync(join(tmpdir(), 'practice-cloud-shutdown-'));

  afterEach(() => {
    api?.kill();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('on SIGTERM stops taking connections, finishes the request in flight, closes everything and exits 0', async () => {
    const port = await freePort();
    // Outside production, so that the demo practice gives the request in flight someone to sign in.
    api = BuiltApi.spawn({ NODE_ENV: 'development', PORT: String(port), DATA_DIR: dataDir, PORTAL_DIR: '' });
    await api.waitForLog('Practice Cloud is running');
    const inFlight = await startRequest(port, DEMO_LOGIN);

    api.child.kill('SIGTERM');
    await api.waitForLog('SIGTERM received');
    // The listening socket closes at once; the connection already being served stays open.
    for (let tries = 0; (await isListening(port)) && tries < 100; tries++) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await isListening(port)).toBe(false);
    expect(api.child.exitCode).toBeNull();

    const answer = await inFlight.answer();
    expect(answer).toMatch(/^HTTP\/1\.1 200 OK\r\n/);
    expect(JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4))).toMatchObject({ status: 'AUTHENTICATED' });

    expect(await api.exited).toEqual({ code: 0, signal: null });
    expect(api.logLines.map((line) => line.msg)).toContain('Stopped.');
    expect(await isListening(port)).toBe(false);
  }, 60_000);

  it('on SIGTERM lets the running Bull job finish its email and record it before closing the database', async () => {
    // An SMTP server that takes its time over each email: the delivery job is running when SIGTERM arrives.
    let sending = false;
    const accepted: string[] = [];
    const smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData(stream, session, callback) {
        sending = true;
        stream.resume();
        stream.on('end', () =>
          setTimeout(() => {
            accepted.push(...session.envelope.rcptTo.map((rcpt) => rcpt.address));
            callback();
          }, 1500),
        );
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    const schema = `practice_cloud_shutdown_${randomBytes(4).toString('hex')}`;
    const root = await mysql.createConnection(MYSQL_ROOT_URL);
    await root.query(`CREATE DATABASE \`${schema}\``);
    try {
      const port = await freePort();
      const env = {
        NODE_ENV: 'production',
        PORT: String(port),
        PORTAL_DIR: '',
        DATABASE_URL: `${MYSQL_ROOT_URL}/${schema}`,
        DATA_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
        REDIS_URL: TEST_REDIS_URL,
        QUEUE_PREFIX: schema,
        SMTP_URL: `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`,
      };
      const admin = ['--admin-email', 'jobs@shutdown.test', '--admin-password', 'a long shutdown passphrase'];
      const created = await runCli(['practice:create', '--name', 'Jobs', ...admin, '--admin-first-name', 'J', '--admin-last-name', 'Obs'], env);
      expect(created.code).toBe(0);
      api = BuiltApi.spawn(env);
      await api.waitForLog('Practice Cloud is running');
      const client = new ApiClient(`http://127.0.0.1:${port}`);
      const login = await client.post('/auth/login', { email: 'jobs@shutdown.test', password: 'a long shutdown passphrase' });
      const session = client.withToken(login.body.accessToken);
      const { secret } = (await session.post('/profile/two-factor/setup')).body;
      await session.post('/profile/two-factor/verify', { code: totpCode(secret) });
      expect((await session.post('/profile/two-factor/enable', {})).status).toBe(200);

      // Enabling 2FA queues an email to the user; SIGTERM while the job is handing it to SMTP.
      for (let tries = 0; !sending && tries < 400; tries++) await new Promise((resolve) => setTimeout(resolve, 25));
      expect(sending).toBe(true);
      api.child.kill('SIGTERM');

      expect(await api.exited).toEqual({ code: 0, signal: null });
      expect(accepted).toEqual(['jobs@shutdown.test']);
      const [rows] = await root.query<mysql.RowDataPacket[]>(`SELECT recipient, sent_at FROM \`${schema}\`.email_deliveries`);
      expect(rows).toEqual([{ recipient: 'jobs@shutdown.test', sent_at: expect.any(Date) }]);
    } finally {
      await root.query(`DROP DATABASE IF EXISTS \`${schema}\``);
      await root.end();
      await new Promise<void>((resolve) => smtp.close(() => resolve()));
    }
  }, 60_000);
});
