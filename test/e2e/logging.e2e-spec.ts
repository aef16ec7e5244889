import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Writable } from 'node:stream';
import { ApiClient } from '../support/api-client.js';
import { totpCode } from '../support/authenticator.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/** Every JSON line the app writes, as the operator's log collector would receive it. */
class CapturedLog extends Writable {
  text = '';

  override _write(chunk: Buffer, _encoding: BufferEncoding, done: () => void): void {
    this.text += chunk.toString();
    done();
  }

  get lines(): Array<Record<string, any>> {
    return this.text
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as Record<string, any>);
  }
}

const ADMIN = { email: 'admin@logging.test', password: 'a passphrase for logging', firstName: 'Lena', lastName: 'Logger' };
const WRONG_PASSWORD = 'a wrong guess that is also secret';

describe('logs', () => {
  const log = new CapturedLog();
  let testApp: TestApp;
  let api: ApiClient;
  /** Everything secret that passed over the wire during the flow below. */
  const secrets: Record<string, string> = {};
  const requestIdSent = 'support-ticket-4711';
  let requestIdEchoed: string | null;

  beforeAll(async () => {
    testApp = await startTestApp({ logStream: log });
    api = new ApiClient(testApp.baseUrl);
    await testApp.createPractice({ name: 'Logging & Co', admin: ADMIN });
    secrets.password = ADMIN.password;
    secrets.wrongPassword = WRONG_PASSWORD;
    secrets.keyBase64 = testApp.config.dataEncryptionKey.toString('base64');
    secrets.keyHex = testApp.config.dataEncryptionKey.toString('hex');

    // A wrong password, then the full enable flow: setup, verify, enable.
    expect((await api.post('/auth/login', { email: ADMIN.email, password: WRONG_PASSWORD })).status).toBe(401);
    const first = await api.post('/auth/login', { email: ADMIN.email, password: ADMIN.password });
    const session = api.withToken((secrets.firstAccessToken = first.body.accessToken));
    const setup = await session.post('/profile/two-factor/setup');
    secrets.totpSecret = setup.body.secret;
    secrets.qrCode = setup.body.qrCodeDataUrl;
    secrets.enrolCode = totpCode(setup.body.secret);
    const verify = await session.post('/profile/two-factor/verify', { code: secrets.enrolCode });
    (verify.body.backupCodes as string[]).forEach((code, i) => {
      secrets[`backupCode${i}`] = code;
      secrets[`backupCode${i}Typed`] = code.replaceAll('-', '');
    });
    expect((await session.post('/profile/two-factor/enable', {})).status).toBe(200);

    // Sign in with a code and "Don't ask again", again with the trusted device, then with a backup code.
    const challenge = await api.post('/auth/login', { email: ADMIN.email, password: ADMIN.password });
    secrets.challengeToken = challenge.body.challengeToken;
    secrets.signInCode = totpCode(setup.body.secret, 1);
    const second = await api.post('/auth/login/two-factor', {
      challengeToken: challenge.body.challengeToken,
      code: secrets.signInCode,
      rememberDevice: true,
    });
    expect(second.status).toBe(200);
    secrets.secondAccessToken = second.body.accessToken;
    secrets.trustedDeviceToken = second.body.trustedDeviceToken;
    const trusted = await api.post('/auth/login', { email: ADMIN.email, password: ADMIN.password }, {
      headers: { cookie: `trusted_device=${second.body.trustedDeviceToken}`, 'x-request-id': requestIdSent },
    });
    expect(trusted.body.status).toBe('AUTHENTICATED');
    requestIdEchoed = trusted.headers.get('x-request-id');
    secrets.thirdAccessToken = trusted.body.accessToken;
    const again = await api.post('/auth/login', { email: ADMIN.email, password: ADMIN.password });
    secrets.secondChallengeToken = again.body.challengeToken;
    const byBackupCode = await api.post('/auth/login/two-factor', {
      challengeToken: again.body.challengeToken,
      backupCode: secrets.backupCode3,
    });
    expect(byBackupCode.status).toBe(200);
    secrets.fourthAccessToken = byBackupCode.body.accessToken;
    const signedIn = api.withToken(byBackupCode.body.accessToken);
    expect((await signedIn.get('/profile')).status).toBe(200);

    // A new password, after a wrong current one.
    secrets.newPassword = 'a new passphrase for logging';
    expect((await signedIn.post('/profile/password', { currentPassword: WRONG_PASSWORD, newPassword: secrets.newPassword })).status).toBe(400);
    expect((await signedIn.post('/profile/password', { currentPassword: ADMIN.password, newPassword: secrets.newPassword })).status).toBe(204);
    await testApp.drainQueue();
  });

  afterAll(async () => {
    await testApp.close();
  });

  it('are one JSON object per line, one line per request with its method, path, status and id', () => {
    const requests = log.lines.filter((line) => line.req && line.res);
    expect(requests.length).toBeGreaterThanOrEqual(11);
    for (const line of requests) {
      expect(line).toEqual(
        expect.objectContaining({
          level: expect.any(Number),
          time: expect.any(Number),
          requestId: expect.any(String),
          req: expect.objectContaining({ method: expect.any(String), url: expect.stringMatching(/^\/api\//) }),
          res: expect.objectContaining({ statusCode: expect.any(Number) }),
        }),
      );
    }
    expect(new Set(requests.map((line) => line.requestId)).size).toBe(requests.length);
    const failed = requests.find((line) => line.res.statusCode === 401)!;
    expect(failed.level).toBe(40);
  });

  it("keeps a caller's request id and sends it back, so a support ticket finds its line", () => {
    expect(requestIdEchoed).toBe(requestIdSent);
    expect(log.lines.filter((line) => line.requestId === requestIdSent)).toHaveLength(1);
  });

  it('never contain a password, code, backup code, token, TOTP secret or the encryption key', () => {
    expect(Object.keys(secrets).length).toBeGreaterThanOrEqual(30);
    for (const [name, value] of Object.entries(secrets)) {
      expect(value).toBeTruthy();
      // Six-digit codes are looked for as a whole number, not inside timestamps or durations.
      const found = /^\d+$/.test(value) ? new RegExp(`(?<!\\d)${value}(?!\\d)`).test(log.text) : log.text.includes(value);
      expect({ name, found }).toEqual({ name, found: false });
    }
  });

  it('redact the credentials of requests and responses, keeping that there was one', () => {
    const authorised = log.lines.find((line) => line.req?.url === '/api/profile' && line.req.headers?.authorization);
    expect(authorised?.req.headers.authorization).toBe('[REDACTED]');
    const cookieSet = log.lines.find((line) => line.res?.headers?.['set-cookie']);
    expect(cookieSet?.res.headers['set-cookie']).toBe('[REDACTED]');
    const cookieSent = log.lines.find((line) => line.req?.headers?.cookie);
    expect(cookieSent?.req.headers.cookie).toBe('[REDACTED]');
  });
});
