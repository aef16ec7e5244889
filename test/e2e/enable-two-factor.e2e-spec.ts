import { describe, expect, it } from '@jest/globals';
import { TwoFactorSetup } from '../../api/src/two-factor/entities/two-factor-setup.entity.js';
import { Authenticator, secretFromOtpauthUrl, totpCode } from '../support/authenticator.js';
import { expire, tableText } from '../support/database.js';
import { createPractice, enableTwoFactor, passwordStep, signIn, signInWithCode } from '../support/practice-factory.js';
import { useTestApp } from '../support/suite.js';

/** Help page, flow 1: Profile → Enable 2FA → Next → Verify and Next → Verify and Enable. */
describe('enabling two-factor authentication', () => {
  const suite = useTestApp();

  it('walks the three screens, and the next sign-in asks for a code from the app', async () => {
    const practice = await createPractice(suite.testApp, { name: 'Smith & Co: Audit' });
    const client = await signIn(suite.api, practice.admin);

    // Next: the secret, as text and as a QR code, for the authenticator app.
    const setup = await client.post('/profile/two-factor/setup');
    expect(setup.status).toBe(201);
    expect(setup.body.secret).toMatch(/^[A-Z2-7]{32}$/); // 20 bytes in Base32
    expect(secretFromOtpauthUrl(setup.body.otpauthUrl)).toBe(setup.body.secret);
    const uri = new URL(setup.body.otpauthUrl);
    expect(uri.protocol).toBe('otpauth:');
    expect(uri.searchParams.get('issuer')).toBe('Practice Cloud');
    expect(decodeURIComponent(uri.pathname)).toContain(practice.admin.email);
    expect(Object.fromEntries(['algorithm', 'digits', 'period'].map((key) => [key, uri.searchParams.get(key)]))).toEqual({
      algorithm: 'SHA1',
      digits: '6',
      period: '30',
    });
    expect(setup.body.qrCodeDataUrl).toMatch(/^data:image\/png;base64,[A-Za-z0-9+/]+=*$/);
    expect(Date.parse(setup.body.expiresAt) - Date.now()).toBeGreaterThan(14 * 60_000);

    // Verify and Next: ten backup codes, and still nothing enabled.
    const app = new Authenticator(setup.body.secret);
    const verify = await client.post('/profile/two-factor/verify', { code: await app.nextCode() });
    expect(verify.status).toBe(200);
    expect(verify.body.backupCodes).toHaveLength(10);
    expect((await client.get('/profile')).body.twoFactor).toMatchObject({ enabled: false, backupCodesRemaining: 0 });

    // Verify and Enable.
    const enable = await client.post('/profile/two-factor/enable', {});
    expect(enable.status).toBe(200);
    expect(enable.body.twoFactor).toMatchObject({ enabled: true, backupCodesRemaining: 10 });
    expect(Date.parse(enable.body.twoFactor.enabledAt)).toBeLessThanOrEqual(Date.now());

    const again = await signInWithCode(suite.api, practice.admin, app);
    expect((await again.get('/clients')).status).toBe(200);
  });

  it('keeps the secret only encrypted in the database, the pending one as well', async () => {
    const practice = await createPractice(suite.testApp);
    const client = await signIn(suite.api, practice.admin);
    const setup = await client.post('/profile/two-factor/setup');
    const secret: string = setup.body.secret;
    expect(await tableText(suite.testApp, 'two_factor_setups')).not.toContain(secret);

    const app = new Authenticator(secret);
    await client.post('/profile/two-factor/verify', { code: await app.nextCode() });
    await client.post('/profile/two-factor/enable', {});

    const [row] = await suite.testApp.dataSource.query('SELECT totp_secret FROM users WHERE id = ?', [practice.admin.id]);
    expect(row.totp_secret).toMatch(/^v1\.[\w-]+\.[\w-]+\.[\w-]+$/); // AES-256-GCM: version, IV, tag, ciphertext
    expect(row.totp_secret).not.toContain(secret);
    expect(row.totp_secret.toUpperCase()).not.toContain(secret);
    expect(await tableText(suite.testApp, 'users')).not.toContain(secret);
  });

  it('stores passwords as argon2id hashes of at least 19 MiB and 2 passes', async () => {
    const practice = await createPractice(suite.testApp);
    const [row] = await suite.testApp.dataSource.query('SELECT password_hash FROM users WHERE id = ?', [practice.admin.id]);
    const [, algorithm, , params] = String(row.password_hash).split('$');
    expect(algorithm).toBe('argon2id');
    const values = Object.fromEntries(params.split(',').map((pair) => pair.split('=')));
    expect(Number(values.m)).toBeGreaterThanOrEqual(19 * 1024);
    expect(Number(values.t)).toBeGreaterThanOrEqual(2);
    expect(row.password_hash).not.toContain(practice.admin.password);
  });

  it('stays pending until Verify and Enable: sign-in asks no code after setup and verify', async () => {
    const practice = await createPractice(suite.testApp);
    const client = await signIn(suite.api, practice.admin);
    const setup = await client.post('/profile/two-factor/setup');
    await client.post('/profile/two-factor/verify', { code: totpCode(setup.body.secret) });

    const login = await suite.api.post('/auth/login', { email: practice.admin.email, password: practice.admin.password });
    expect(login.body.status).toBe('AUTHENTICATED');
    expect(login.body.user.twoFactor.enabled).toBe(false);
  });

  it('asks for the steps in order', async () => {
    const practice = await createPractice(suite.testApp);
    const client = await signIn(suite.api, practice.admin);

    expect((await client.post('/profile/two-factor/verify', { code: '123456' })).body.code).toBe('TWO_FACTOR_SETUP_NOT_STARTED');
    expect((await client.post('/profile/two-factor/enable', {})).body.code).toBe('TWO_FACTOR_SETUP_NOT_STARTED');

    const setup = await client.post('/profile/two-factor/setup');
    const enableEarly = await client.post('/profile/two-factor/enable', {});
    expect(enableEarly.status).toBe(409);
    expect(enableEarly.body.code).toBe('TWO_FACTOR_SETUP_NOT_VERIFIED');

    const app = new Authenticator(setup.body.secret);
    const wrong = await client.post('/profile/two-factor/verify', { code: app.wrongCode() });
    expect(wrong.status).toBe(400);
    expect(wrong.body.code).toBe('INVALID_TWO_FACTOR_CODE');
    expect((await client.post('/profile/two-factor/enable', {})).body.code).toBe('TWO_FACTOR_SETUP_NOT_VERIFIED');
    expect((await client.get('/profile')).body.twoFactor.enabled).toBe(false);
  });

  it('restarting the setup replaces the pending secret', async () => {
    const practice = await createPractice(suite.testApp);
    const client = await signIn(suite.api, practice.admin);
    const first = await client.post('/profile/two-factor/setup');
    const second = await client.post('/profile/two-factor/setup');
    expect(second.body.secret).not.toBe(first.body.secret);

    const stale = await client.post('/profile/two-factor/verify', { code: totpCode(first.body.secret) });
    expect(stale.body.code).toBe('INVALID_TWO_FACTOR_CODE');
    expect((await client.post('/profile/two-factor/verify', { code: totpCode(second.body.secret) })).status).toBe(200);
  });

  it('lets a pending setup expire after 15 minutes', async () => {
    const practice = await createPractice(suite.testApp);
    const client = await signIn(suite.api, practice.admin);
    const setup = await client.post('/profile/two-factor/setup');
    await expire(suite.testApp, TwoFactorSetup, { userId: practice.admin.id });

    const verify = await client.post('/profile/two-factor/verify', { code: totpCode(setup.body.secret) });
    expect(verify.status).toBe(409);
    expect(verify.body.code).toBe('TWO_FACTOR_SETUP_NOT_STARTED');
  });

  it('does not let the code that verified the setup sign in afterwards', async () => {
    const practice = await createPractice(suite.testApp);
    const client = await signIn(suite.api, practice.admin);
    const setup = await client.post('/profile/two-factor/setup');
    const verifyingCode = totpCode(setup.body.secret);
    expect((await client.post('/profile/two-factor/verify', { code: verifyingCode })).status).toBe(200);
    // The same code cannot verify twice either.
    expect((await client.post('/profile/two-factor/verify', { code: verifyingCode })).body.code).toBe('INVALID_TWO_FACTOR_CODE');
    await client.post('/profile/two-factor/enable', {});

    const challengeToken = await passwordStep(suite.api, practice.admin);
    const reuse = await suite.api.post('/auth/login/two-factor', { challengeToken, code: verifyingCode });
    expect(reuse.status).toBe(401);
    expect(reuse.body.code).toBe('INVALID_TWO_FACTOR_CODE');
  });

  it('answers a new setup while 2FA is on with 409, and never touches the working secret', async () => {
    const practice = await createPractice(suite.testApp);
    const client = await signIn(suite.api, practice.admin);
    const { app } = await enableTwoFactor(client);
    const secretBefore = await suite.testApp.dataSource.query('SELECT totp_secret, totp_last_step FROM users WHERE id = ?', [practice.admin.id]);

    const setup = await client.post('/profile/two-factor/setup');
    expect(setup.status).toBe(409);
    expect(setup.body.code).toBe('TWO_FACTOR_ALREADY_ENABLED');
    expect(setup.body.secret).toBeUndefined();
    const verify = await client.post('/profile/two-factor/verify', { code: totpCode(app.secret, 1) });
    expect(verify.body.code).toBe('TWO_FACTOR_ALREADY_ENABLED');
    // Enable's answers are the setup's: with 2FA on there is no setup to finish.
    const enable = await client.post('/profile/two-factor/enable', {});
    expect(enable.status).toBe(409);
    expect(enable.body.code).toBe('TWO_FACTOR_SETUP_NOT_STARTED');

    expect(await suite.testApp.dataSource.query('SELECT totp_secret, totp_last_step FROM users WHERE id = ?', [practice.admin.id])).toEqual(secretBefore);
    await signInWithCode(suite.api, practice.admin, app);
  });
});
