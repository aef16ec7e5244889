/**
 * The help pages' walkthroughs for one person's two-factor authentication, in Chromium against the real API:
 * sign in, add a client, enable 2FA, sign in with a code, a wrong code, by keyboard alone, a backup code (once),
 * "Don't ask again", trusted computers, new backup codes, and disabling 2FA; the phone-size layout.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { startTestApp, type TestApp } from '../support/test-app.js';
import {
  type Authenticator,
  checkScreen,
  Computer,
  enableTwoFactor,
  enableTwoFactorOverApi,
  expectClientList,
  expectCodesReadable,
  expectCodeStep,
  expectHidden,
  expectPath,
  expectVisible,
  formAlert,
  openProfile,
  type Person,
  PHONE,
  DESKTOP,
  settle,
  signOut,
  submitBackupCode,
  submitCode,
  submitPassword,
  openSignIn,
} from './helpers.js';

const alice: Person = {
  email: 'alice.archer@harbour-accountants.test',
  password: 'Harbour-lights-2026!',
  firstName: 'Alice',
  lastName: 'Archer',
};
const bob: Person = {
  email: 'bob.baker@harbour-accountants.test',
  password: 'Baker-street-2026!',
  firstName: 'Bob',
  lastName: 'Baker',
};

describe('Two-factor sign-in, in the browser', () => {
  let app: TestApp;
  let computer: Computer;
  let page: Page;
  let aliceApp: Authenticator;
  let aliceBackupCodes: string[];
  let bobApp: Authenticator;

  beforeAll(async () => {
    app = await startTestApp({ database: 'sqlite', servePortal: true });
    const { practiceId } = await app.createPractice({ name: 'Harbour Accountants', admin: alice });
    await app.createUser(practiceId, { ...bob, role: 'MEMBER' });
    bobApp = await enableTwoFactorOverApi(app.baseUrl, bob);
    computer = await Computer.start(app.baseUrl);
    page = await computer.page();
  });

  afterAll(async () => {
    await computer?.close();
    await app?.close();
  });

  it('signs in with email and password and lands on the Client List', async () => {
    await openSignIn(page);
    await checkScreen(page, 'sign-in');
    await page.setViewportSize(PHONE);
    await checkScreen(page, 'sign-in-phone');
    await page.setViewportSize(DESKTOP);

    await submitPassword(page, { email: alice.email, password: 'not-the-password' });
    await expectVisible(formAlert(page).getByText('The email or password is incorrect.'));

    await submitPassword(page, alice);
    await expectClientList(page);
    await expectVisible(page.getByTestId('practice-name').getByText('Harbour Accountants'));
    expect((await page.getByTestId('account-menu').locator('[aria-hidden=true]').textContent())?.trim()).toBe('AA');
    await expectVisible(page.getByRole('button', { name: 'Account menu for Alice Archer, Harbour Accountants' }));
    await expectVisible(page.getByRole('link', { name: 'Practice Settings' }));
    expect(await page.title()).toBe('Client List · Practice Cloud');
  });

  it('an old status message is gone once signed back in', async () => {
    await signOut(page);
    const message = page.locator('mat-snack-bar-container');
    await expectVisible(message.getByText('You have signed out.'));
    // Back in from this very page: a reload (as `submitPassword` does) would clear any message on its own.
    await page.getByLabel('Email').fill(alice.email);
    await page.getByLabel('Password', { exact: false }).first().fill(alice.password);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expectClientList(page);
    await settle(page);
    expect(await message.count()).toBe(0);
  });

  it('adds client files; a code already used is shown on the code field', async () => {
    for (const [name, code] of [
      ['Bluebell Bakery Ltd', 'BLUE01'],
      ['Quayside Joinery', 'QUAY07'],
      ['Marina Holdings plc', 'MAR-2026'],
    ]) {
      await page.getByRole('button', { name: 'Add client' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel('Client name').fill(name);
      await dialog.getByLabel('Client code').fill(code);
      if (code === 'BLUE01') await checkScreen(page, 'add-client', { fullPage: false });
      await dialog.getByRole('button', { name: 'Add client' }).click();
      await expectHidden(page.getByRole('dialog'));
      await expectVisible(page.getByRole('link', { name }));
    }

    await page.getByRole('button', { name: 'Add client' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Client name').fill('Another Bluebell');
    await dialog.getByLabel('Client code').fill('BLUE01');
    await dialog.getByRole('button', { name: 'Add client' }).click();
    await expectVisible(dialog.getByText('Another client file already uses this code.'));
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expectHidden(page.getByRole('dialog'));

    await page.getByRole('link', { name: 'Quayside Joinery' }).click();
    await expectVisible(page.getByRole('heading', { name: 'Quayside Joinery' }));
    await page.getByRole('link', { name: 'Client List', exact: true }).click();
    await expectClientList(page);
    await expectVisible(page.getByRole('link', { name: 'Marina Holdings plc' }));
    await checkScreen(page, 'client-list');

    await page.setViewportSize(PHONE);
    await checkScreen(page, 'client-list-phone');
    await page.setViewportSize(DESKTOP);
  });

  it('enables 2FA in three steps and lands back on the Client List', async () => {
    await openProfile(page);
    await expectVisible(page.getByTestId('two-factor-status').getByText('Off'));
    await expectVisible(page.getByText('None yet. Once 2FA is on, you can skip the code on a computer you trust.'));
    await checkScreen(page, 'manage-profile-2fa-off');
    await page.getByRole('link', { name: 'Enable Two-Factor Authentication (2FA)' }).click();

    const enabled = await enableTwoFactor(page, {
      install: 'enable-2fa-1-install',
      scan: 'enable-2fa-2-scan',
      backupCodes: 'enable-2fa-3-backup-codes',
    });
    aliceApp = enabled.authenticator;
    aliceBackupCodes = enabled.backupCodes;

    await openProfile(page);
    await expectVisible(page.getByTestId('two-factor-status').getByText('On'));
    await expectVisible(page.getByTestId('backup-codes-remaining').getByText('10 of 10'));
  });

  it('asks for a code at the next sign-in; a wrong code shows its message', async () => {
    await signOut(page);
    await submitPassword(page, alice);
    await expectCodeStep(page);
    await expectVisible(page.getByRole('button', { name: 'Use a backup code instead' }));
    await checkScreen(page, 'sign-in-code');

    await submitCode(page, aliceApp.staleCode());
    await expectVisible(formAlert(page).getByText(/That code did not work/));
    await checkScreen(page, 'sign-in-wrong-code');

    await submitCode(page, await aliceApp.nextCode());
    await expectClientList(page);
  });

  it('signs in by keyboard alone, the code step included', async () => {
    await signOut(page);
    await openSignIn(page);
    const focused = () => page.evaluate(() => document.activeElement?.getAttribute('autocomplete') ?? document.activeElement?.textContent?.trim());

    // From the top of the page: Tab reaches the email field first.
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('username');
    await page.keyboard.type(alice.email);
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('current-password');
    await page.keyboard.type(alice.password);
    await page.keyboard.press('Enter');

    // The code step puts the cursor in the code field; Enter verifies.
    await expectCodeStep(page);
    await page.waitForFunction(() => document.activeElement?.getAttribute('autocomplete') === 'one-time-code');
    await page.keyboard.type(await aliceApp.nextCode());
    await page.keyboard.press('Enter');
    await expectClientList(page);
  });

  it('signs in once with a backup code; the same backup code fails the second time', async () => {
    const [backupCode] = aliceBackupCodes;
    await signOut(page);
    await submitPassword(page, alice);
    await expectCodeStep(page);
    await submitBackupCode(page, backupCode);
    await expectClientList(page);

    await openProfile(page);
    await expectVisible(page.getByTestId('backup-codes-remaining').getByText('9 of 10'));

    await signOut(page);
    await submitPassword(page, alice);
    await expectCodeStep(page);
    await submitBackupCode(page, backupCode);
    await expectVisible(formAlert(page).getByText(/backup code did not work/));
    expect(new URL(page.url()).pathname).toBe('/sign-in');
  });

  it('"Don\'t ask again" skips the code on this computer only, and only for this user', async () => {
    await submitPassword(page, alice);
    await expectCodeStep(page);
    await submitCode(page, await aliceApp.nextCode(), { rememberDevice: true });
    await expectClientList(page);

    // Same computer, same user: no code.
    await signOut(page);
    await submitPassword(page, alice);
    await expectClientList(page);

    // Same computer, another user: the code is asked for.
    await signOut(page);
    await submitPassword(page, bob);
    await expectCodeStep(page);
    await submitCode(page, await bobApp.nextCode());
    await expectClientList(page);
    await signOut(page);

    // Another computer, same user: the code is asked for.
    const other = await Computer.start(app.baseUrl);
    try {
      const otherPage = await other.page();
      await submitPassword(otherPage, alice);
      await expectCodeStep(otherPage);
    } finally {
      await other.close();
    }
  });

  it('lists the trusted computer in the profile and revokes it', async () => {
    await submitPassword(page, alice);
    await expectClientList(page);
    await openProfile(page);
    await expectVisible(page.getByText('This computer'));
    await checkScreen(page, 'manage-profile');

    await page.getByRole('button', { name: /^Revoke / }).click();
    await expectVisible(page.getByText('No trusted computers.'));

    await signOut(page);
    await submitPassword(page, alice);
    await expectCodeStep(page);
    await submitCode(page, await aliceApp.nextCode());
    await expectClientList(page);
  });

  it('regenerates the backup codes with a code from the app', async () => {
    await openProfile(page);
    await page.getByRole('button', { name: 'Regenerate backup codes' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('6-digit code').fill(await aliceApp.nextCode());
    await dialog.getByRole('button', { name: 'Generate new codes' }).click();
    await expectVisible(dialog.getByTestId('backup-code'));
    const fresh = (await dialog.getByTestId('backup-code').allTextContents()).map((c) => c.trim());
    expect(fresh).toHaveLength(10);
    expect(fresh).not.toContain(aliceBackupCodes[1]);
    await expectCodesReadable(dialog.getByTestId('backup-code'));
    await checkScreen(page, 'regenerate-backup-codes', { fullPage: false });
    await dialog.getByRole('button', { name: 'I have saved these codes' }).click();
    await expectHidden(page.getByRole('dialog'));
    await expectVisible(page.getByTestId('backup-codes-remaining').getByText('10 of 10'));
    aliceBackupCodes = fresh;
  });

  it('disables 2FA after confirming with the password; the next sign-in asks for no code', async () => {
    await page.getByRole('button', { name: 'Disable Two-Factor Authentication (2FA)' }).click();
    const dialog = page.getByRole('dialog');
    await expectVisible(dialog.getByText(/full enable process/));
    await checkScreen(page, 'disable-2fa', { fullPage: false });

    await dialog.getByLabel('Current password').fill('wrong-password-123');
    await dialog.getByRole('button', { name: 'Disable 2FA' }).click();
    await expectVisible(dialog.getByText('That password is incorrect.'));

    await dialog.getByLabel('Current password').fill(alice.password);
    await dialog.getByRole('button', { name: 'Disable 2FA' }).click();
    // The API ends every session of the account, this one too: the portal says so and asks for the password.
    await expectHidden(page.getByRole('dialog'));
    await expectPath(page, '/sign-in');
    await expectVisible(page.getByText('Two-factor authentication is off. Please sign in again'));

    await submitPassword(page, alice);
    await expectClientList(page);
    await openProfile(page);
    await expectVisible(page.getByTestId('two-factor-status').getByText('Off'));
    await signOut(page);
  });

  it('a member sees no gear and cannot open Practice Settings', async () => {
    await submitPassword(page, bob);
    await expectCodeStep(page);
    await submitCode(page, await bobApp.nextCode());
    await expectClientList(page);
    expect(await page.getByRole('link', { name: 'Practice Settings' }).count()).toBe(0);
    await page.goto('/practice/settings');
    await expectPath(page, '/');
    await expectVisible(page.getByRole('heading', { name: 'Client List' }));
  });
});
