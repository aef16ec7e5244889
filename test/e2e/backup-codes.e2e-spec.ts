import { describe, expect, it } from '@jest/globals';
import { normaliseBackupCode } from '@practice-cloud/contracts';
import { type ApiClient } from '../support/api-client.js';
import { type Authenticator, totpCode } from '../support/authenticator.js';
import { count, tableText } from '../support/database.js';
import { createPractice, enableTwoFactor, passwordStep, signIn, type TestUser } from '../support/practice-factory.js';
import { useTestApp } from '../support/suite.js';

/** Help page: "Use a backup code" when the phone is not at hand, and generating a new set. */
describe('backup codes', () => {
  const suite = useTestApp();

  async function userWithTwoFactor(): Promise<{ user: TestUser; client: ApiClient; app: Authenticator; backupCodes: string[] }> {
    const practice = await createPractice(suite.testApp);
    const client = await signIn(suite.api, practice.admin);
    return { user: practice.admin, client, ...(await enableTwoFactor(client)) };
  }

  const withBackupCode = async (user: TestUser, backupCode: string) =>
    suite.api.post('/auth/login/two-factor', { challengeToken: await passwordStep(suite.api, user), backupCode });

  it('come ten to a set, and are stored only as hashes', async () => {
    const practice = await createPractice(suite.testApp);
    const client = await signIn(suite.api, practice.admin);
    const setup = await client.post('/profile/two-factor/setup');
    const verify = await client.post('/profile/two-factor/verify', { code: totpCode(setup.body.secret) });
    const codes: string[] = verify.body.backupCodes;
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);

    // Pending (verified, not yet enabled) and then enabled: neither place holds a code as typed.
    const forms = codes.flatMap((code) => [code, normaliseBackupCode(code), code.toLowerCase()]);
    const pending = await tableText(suite.testApp, 'two_factor_setups');
    for (const form of forms) expect(pending).not.toContain(form);

    await client.post('/profile/two-factor/enable', {});
    const rows = await suite.testApp.dataSource.query('SELECT code_hash, used_at FROM backup_codes WHERE user_id = ?', [practice.admin.id]);
    expect(rows).toHaveLength(10);
    for (const row of rows) {
      expect(row.code_hash).toMatch(/^\$argon2id\$/);
      expect(row.used_at).toBeNull();
    }
    const stored = await tableText(suite.testApp, 'backup_codes');
    for (const form of forms) expect(stored).not.toContain(form);
  });

  it('sign in once each, in any case, with or without spaces and hyphens', async () => {
    const { user, client, backupCodes } = await userWithTwoFactor();
    const typings = [
      backupCodes[0].toLowerCase(),
      normaliseBackupCode(backupCodes[1]),
      backupCodes[2].replace(/-/g, ' '),
      ` ${backupCodes[3].toLowerCase().replace(/-/g, ' - ')} `,
    ];
    for (const typed of typings) {
      const response = await withBackupCode(user, typed);
      expect(response.status).toBe(200);
      expect(response.body.status).toBe('AUTHENTICATED');
    }
    expect((await client.get('/profile')).body.twoFactor.backupCodesRemaining).toBe(6);

    for (const code of backupCodes.slice(0, 4)) {
      const reuse = await withBackupCode(user, code);
      expect(reuse.status).toBe(401);
      expect(reuse.body.code).toBe('INVALID_TWO_FACTOR_CODE');
    }
    expect(await count(suite.testApp, 'backup_codes', 'user_id = ? AND used_at IS NULL', [user.id])).toBe(6);
  });

  it('let exactly one of two simultaneous sign-ins with the same code win', async () => {
    const { user, client, backupCodes } = await userWithTwoFactor();
    const [first, second] = [await passwordStep(suite.api, user), await passwordStep(suite.api, user)];
    const responses = await Promise.all(
      [first, second].map((challengeToken) => suite.api.post('/auth/login/two-factor', { challengeToken, backupCode: backupCodes[5] })),
    );
    expect(responses.map((response) => response.status).sort()).toEqual([200, 401]);
    expect(responses.find((response) => response.status === 401)?.body.code).toBe('INVALID_TWO_FACTOR_CODE');
    expect((await client.get('/profile')).body.twoFactor.backupCodesRemaining).toBe(9);
  });

  it('are spent only by the sign-in that wins: several codes at once on one challenge spend one', async () => {
    const { user, client, backupCodes } = await userWithTwoFactor();
    const challengeToken = await passwordStep(suite.api, user);
    const tried = backupCodes.slice(0, 5);
    const responses = await Promise.all(
      tried.map((backupCode) => suite.api.post('/auth/login/two-factor', { challengeToken, backupCode })),
    );
    expect(responses.map((response) => response.status).sort()).toEqual([200, 401, 401, 401, 401]);
    expect(responses.filter((response) => response.status === 401).map((response) => response.body.code)).toEqual(
      Array(4).fill('CHALLENGE_EXPIRED'),
    );
    expect((await client.get('/profile')).body.twoFactor.backupCodesRemaining).toBe(9);
    // Every refused code still signs in.
    for (const [n, response] of responses.entries()) {
      if (response.status === 401) expect((await withBackupCode(user, tried[n])).status).toBe(200);
    }
  });

  it('turn away a code that is not one of the user’s', async () => {
    const { user, backupCodes } = await userWithTwoFactor();
    const other = await userWithTwoFactor();
    expect((await withBackupCode(user, other.backupCodes[0])).body.code).toBe('INVALID_TWO_FACTOR_CODE');
    expect((await withBackupCode(user, '0000-0000-0000-0000')).body.code).toBe('INVALID_TWO_FACTOR_CODE');
    // The wrong ones did not spend a right one.
    expect((await withBackupCode(user, backupCodes[0])).status).toBe(200);
  });

  it('are regenerated only with a current code from the app, and the old ones then stop working', async () => {
    const { user, client, app, backupCodes } = await userWithTwoFactor();

    const wrong = await client.post('/profile/two-factor/backup-codes', { code: app.wrongCode() });
    expect(wrong.status).toBe(400);
    expect(wrong.body.code).toBe('INVALID_TWO_FACTOR_CODE');
    expect(wrong.body.backupCodes).toBeUndefined();

    const fresh = await client.post('/profile/two-factor/backup-codes', { code: await app.nextCode() });
    expect(fresh.status).toBe(200);
    expect(fresh.body.backupCodes).toHaveLength(10);
    expect(fresh.body.backupCodes.filter((code: string) => backupCodes.includes(code))).toEqual([]);
    expect((await client.get('/profile')).body.twoFactor.backupCodesRemaining).toBe(10);

    expect((await withBackupCode(user, backupCodes[0])).body.code).toBe('INVALID_TWO_FACTOR_CODE');
    expect((await withBackupCode(user, fresh.body.backupCodes[0])).status).toBe(200);
  });

  it('are regenerated once for two simultaneous requests with the same code', async () => {
    const { user, client, app, backupCodes } = await userWithTwoFactor();
    const code = await app.nextCode();
    const responses = await Promise.all([0, 1].map(() => client.post('/profile/two-factor/backup-codes', { code })));
    expect(responses.map((response) => response.status).sort()).toEqual([200, 400]);
    const shown: string[] = responses.find((response) => response.status === 200)!.body.backupCodes;
    // The set that was shown is the one that works; the first set is gone.
    expect((await withBackupCode(user, backupCodes[0])).body.code).toBe('INVALID_TWO_FACTOR_CODE');
    expect((await withBackupCode(user, shown[0])).status).toBe(200);
  });

  it('cannot be regenerated with a code already used, nor without 2FA', async () => {
    const { client, app } = await userWithTwoFactor();
    const code = await app.nextCode();
    expect((await client.post('/profile/two-factor/backup-codes', { code })).status).toBe(200);
    expect((await client.post('/profile/two-factor/backup-codes', { code })).body.code).toBe('INVALID_TWO_FACTOR_CODE');

    const practice = await createPractice(suite.testApp);
    const without = await signIn(suite.api, practice.admin);
    const response = await without.post('/profile/two-factor/backup-codes', { code: '123456' });
    expect(response.status).toBe(409);
    expect(response.body.code).toBe('TWO_FACTOR_NOT_ENABLED');
  });
});
