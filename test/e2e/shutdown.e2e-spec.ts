import { afterEach, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BuiltApi, freePort, isListening } from '../support/built-api.js';

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
    api = BuiltApi.spawn({ NODE_ENV: 'production', PORT: String(port), DATA_DIR: dataDir, PORTAL_DIR: '' });
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
});
