/**
 * The administrator's walkthrough: Practice Settings → Two Factor Authentication (2FA) → Requires 2FA, and what the
 * members then see: the Unauthorised notice at sign-in, the enable flow instead of client files, and the Client List
 * once 2FA is on. Also the members list, a member's 2FA reset and adding a member.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { startTestApp, type TestApp } from '../support/test-app.js';
import {
  apiCall,
  checkScreen,
  Computer,
  DESKTOP,
  enableTwoFactor,
  expectClientList,
  expectCodeStep,
  expectHidden,
  expectPath,
  expectVisible,
  expectWithinWindow,
  type Person,
  PHONE,
  submitCode,
  submitPassword,
  type Authenticator,
} from './helpers.js';

const carol: Person = {
  email: 'carol.cole@northside-tax.test',
  password: 'Northside-admin-2026!',
  firstName: 'Carol',
  lastName: 'Cole',
};
const dan: Person = {
  email: 'dan.dale@northside-tax.test',
  password: 'Dan-the-member-2026!',
  firstName: 'Dan',
  lastName: 'Dale',
};
const erin: Person = {
  email: 'erin.east@northside-tax.test',
  password: 'Erin-the-member-2026!',
  firstName: 'Erin',
  lastName: 'East',
};

const ENABLE_PATH = '/profile/two-factor/enable';

async function openPracticeSettings(page: Page): Promise<void> {
  await page.getByRole('link', { name: 'Practice Settings' }).click();
  await expectPath(page, '/practice/settings');
  await expectVisible(page.getByRole('heading', { name: 'Two Factor Authentication (2FA)' }));
}

/**
 * Practice Settings on a phone: the same page at 375 px, every member's details and reset button within the window
 * (checkScreen adds no sideways scrolling and intact icons and buttons). Back to the desktop size afterwards.
 */
async function checkPracticeSettingsOnPhone(page: Page, screen: string): Promise<void> {
  await page.setViewportSize(PHONE);
  try {
    await checkScreen(page, screen);
    // Without the table's column headings, the cells name what they show.
    await expectVisible(page.getByText('Last sign-in:'));
    await expectWithinWindow(page.locator('tr.mat-mdc-row td, tr.mat-mdc-row button'));
    await expectWithinWindow(page.getByTestId('admin-needs-2fa').locator('mat-icon, a'));
  } finally {
    await page.setViewportSize(DESKTOP);
  }
}

async function expectUnauthorisedNotice(page: Page): Promise<void> {
  const notice = page.getByTestId('unauthorised-notice');
  await expectVisible(notice);
  expect((await notice.getByRole('heading').textContent())?.trim()).toMatch(/^Unauthorised/);
}

describe('Practice Settings: requiring 2FA, in the browser', () => {
  let app: TestApp;
  let carolComputer: Computer;
  let danComputer: Computer;
  let erinComputer: Computer;
  let carolPage: Page;
  let danPage: Page;
  let erinPage: Page;
  let carolApp: Authenticator;
  let danApp: Authenticator;

  beforeAll(async () => {
    app = await startTestApp({ database: 'sqlite', servePortal: true });
    const { practiceId } = await app.createPractice({ name: 'Northside Tax', admin: carol });
    await app.createUser(practiceId, { ...dan, role: 'MEMBER' });
    await app.createUser(practiceId, { ...erin, role: 'MEMBER' });
    carolComputer = await Computer.start(app.baseUrl);
    // Dan works on his phone: the enforcement reaches him there, and he enables 2FA at 375 px wide.
    danComputer = await Computer.start(app.baseUrl, { viewport: PHONE });
    erinComputer = await Computer.start(app.baseUrl);
    carolPage = await carolComputer.page();
    danPage = await danComputer.page();
    erinPage = await erinComputer.page();
  });

  afterAll(async () => {
    await carolComputer?.close();
    await danComputer?.close();
    await erinComputer?.close();
    await app?.close();
  });

  it('an administrator without 2FA is told to enable it first, and is linked to the enable flow', async () => {
    await submitPassword(carolPage, carol);
    await expectClientList(carolPage);
    await carolPage.getByRole('button', { name: 'Add client' }).click();
    const dialog = carolPage.getByRole('dialog');
    await dialog.getByLabel('Client name').fill('Northside Bakery');
    await dialog.getByLabel('Client code').fill('NS001');
    await dialog.getByRole('button', { name: 'Add client' }).click();
    await expectVisible(carolPage.getByRole('link', { name: 'Northside Bakery' }));

    await openPracticeSettings(carolPage);
    await expectVisible(carolPage.getByTestId('admin-needs-2fa'));
    expect(await carolPage.getByRole('switch', { name: 'Requires 2FA' }).isDisabled()).toBe(true);
    await checkScreen(carolPage, 'practice-settings-admin-without-2fa');
    await checkPracticeSettingsOnPhone(carolPage, 'practice-settings-admin-without-2fa-phone');

    // The API agrees: PATCH answers 409 ADMIN_TWO_FACTOR_REQUIRED for an administrator without 2FA.
    const token = await carolPage.evaluate(() => {
      const raw = sessionStorage.getItem('practice-cloud.session');
      return raw ? (JSON.parse(raw) as { accessToken: string }).accessToken : '';
    });
    const patch = await apiCall<{ code: string }>(app.baseUrl, 'PATCH', '/practice/settings', { requireTwoFactor: true }, token);
    expect(patch.status).toBe(409);
    expect(patch.body.code).toBe('ADMIN_TWO_FACTOR_REQUIRED');

    await carolPage.getByTestId('admin-needs-2fa').getByRole('link', { name: /Enable Two-Factor Authentication/ }).click();
    carolApp = (await enableTwoFactor(carolPage)).authenticator;
  });

  it('Dan, a member, signs in before 2FA is required and sees the client files', async () => {
    await submitPassword(danPage, dan);
    await expectClientList(danPage);
    await expectVisible(danPage.getByRole('link', { name: 'Northside Bakery' }));
  });

  it('requiring 2FA asks first, saying what will happen to the members', async () => {
    await openPracticeSettings(carolPage);
    await expectVisible(carolPage.getByTestId('two-factor-count').getByText('1 of 3'));
    await expectVisible(carolPage.getByText('members has 2FA on'));
    const toggle = carolPage.getByRole('switch', { name: 'Requires 2FA' });
    expect(await toggle.getAttribute('aria-checked')).toBe('false');

    await toggle.click();
    let dialog = carolPage.getByRole('alertdialog');
    await expectVisible(dialog.getByText(/2 of 3 members have not enabled 2FA yet/));
    await expectVisible(dialog.getByText(/Unauthorised notice/));
    // Everyone gets a notice: the members with 2FA an informational one. The toast afterwards counts the same.
    await expectVisible(dialog.getByText('Members who already use 2FA will get a notice that nothing changes for them.'));
    await checkScreen(carolPage, 'practice-settings-confirm', { fullPage: false });
    await dialog.getByRole('button', { name: 'No', exact: true }).click();
    await expectHidden(dialog);
    expect(await toggle.getAttribute('aria-checked')).toBe('false');

    await toggle.click();
    dialog = carolPage.getByRole('alertdialog');
    await dialog.getByRole('button', { name: 'Yes', exact: true }).click();
    await expectHidden(dialog);
    await carolPage.waitForFunction(
      () => document.querySelector('[role=switch]')?.getAttribute('aria-checked') === 'true',
    );
    await expectVisible(carolPage.getByText(/Everyone must use 2FA to open client files/));
    await expectVisible(
      carolPage
        .locator('mat-snack-bar-container')
        .getByText('2FA is now required. Notices are on their way to all 3 members; 2 must enable 2FA to open client files.'),
    );
    await app.drainQueue();
  });

  it('Dan, already signed in, is taken to the enable flow by his next request for a client file', async () => {
    await danPage.getByRole('link', { name: 'Northside Bakery' }).click();
    await expectPath(danPage, ENABLE_PATH);
    await expectUnauthorisedNotice(danPage);
    await checkScreen(danPage, 'unauthorised-notice-phone');
    // Still signed in: TWO_FACTOR_ENROLMENT_REQUIRED is not "signed out".
    await expectVisible(danPage.getByTestId('account-menu'));

    await danPage.goto('/');
    await expectPath(danPage, ENABLE_PATH);
  });

  it('Erin sees the Unauthorised notice at sign-in, cannot reach client files, enables 2FA and reaches the Client List', async () => {
    await submitPassword(erinPage, erin);
    await expectPath(erinPage, ENABLE_PATH);
    await expectUnauthorisedNotice(erinPage);
    await expectVisible(erinPage.getByRole('heading', { name: 'Install an authenticator app' }));
    await checkScreen(erinPage, 'unauthorised-notice');

    await erinPage.goto('/');
    await expectPath(erinPage, ENABLE_PATH);
    await erinPage.goto('/clients/any-client');
    await expectPath(erinPage, ENABLE_PATH);

    await erinPage.getByRole('link', { name: /^Notifications/ }).click();
    await expectPath(erinPage, '/notifications');
    const notice = erinPage
      .getByTestId('notification')
      .filter({ has: erinPage.getByRole('heading', { name: /^Unauthorised/ }) });
    await expectVisible(notice);
    await checkScreen(erinPage, 'notifications');
    await notice.getByRole('link', { name: 'Enable 2FA' }).click();

    await enableTwoFactor(erinPage);
    await expectHidden(erinPage.getByTestId('unauthorised-notice'));
    await expectVisible(erinPage.getByRole('link', { name: 'Northside Bakery' }));
  });

  it('Dan enables 2FA from where he was sent, and reaches the Client List', async () => {
    await danPage.reload();
    await expectPath(danPage, ENABLE_PATH);
    danApp = (
      await enableTwoFactor(danPage, {
        install: 'enable-2fa-phone-1-install',
        scan: 'enable-2fa-phone-2-scan',
        backupCodes: 'enable-2fa-phone-3-backup-codes',
      })
    ).authenticator;
    expect(danApp.secret).toMatch(/^[A-Z2-7]+$/);
  });

  it('the members list shows who has 2FA; resetting a member\'s 2FA is confirmed and sends them back to the enable flow', async () => {
    await carolPage.reload();
    await expectVisible(carolPage.getByTestId('two-factor-count').getByText('3 of 3'));
    const danRow = carolPage.getByRole('row').filter({ hasText: dan.email });
    await expectVisible(danRow.getByText('On'));
    await checkScreen(carolPage, 'practice-settings');
    await checkPracticeSettingsOnPhone(carolPage, 'practice-settings-phone');

    await danRow.getByRole('button', { name: 'Reset 2FA for Dan Dale' }).click();
    const dialog = carolPage.getByRole('alertdialog');
    await expectVisible(dialog.getByText(/lost their phone/));
    await dialog.getByRole('button', { name: 'Reset 2FA' }).click();
    await expectHidden(dialog);
    await expectVisible(carolPage.getByTestId('two-factor-count').getByText('2 of 3'));
    await expectVisible(carolPage.getByRole('row').filter({ hasText: dan.email }).getByText('Off'));

    // Dan's sessions were ended: the portal signs him out, and his next sign-in leads to the enable flow.
    await danPage.reload();
    await expectPath(danPage, '/sign-in');
    await submitPassword(danPage, dan);
    await expectPath(danPage, ENABLE_PATH);
    await expectUnauthorisedNotice(danPage);
  });

  it('an administrator adds a member from Practice Settings', async () => {
    await carolPage.getByRole('button', { name: 'Add member' }).click();
    const dialog = carolPage.getByRole('dialog');
    await dialog.getByLabel('First name').fill('Fay');
    await dialog.getByLabel('Last name').fill('Ford');
    await dialog.getByLabel('Email').fill('fay.ford@northside-tax.test');
    await dialog.getByLabel('Password', { exact: true }).fill('Fay-first-password-2026!');
    await expectVisible(dialog.getByText('Share it in person or by phone, not by email.'));
    await checkScreen(carolPage, 'add-member', { fullPage: false });
    await dialog.getByRole('button', { name: 'Add member' }).click();
    await expectHidden(dialog);
    await expectVisible(carolPage.getByRole('row').filter({ hasText: 'fay.ford@northside-tax.test' }));
    await expectVisible(carolPage.getByTestId('two-factor-count').getByText('2 of 4'));
  });

  it('the administrator signs in again with a code', async () => {
    await carolPage.getByTestId('account-menu').click();
    await carolPage.getByRole('menuitem', { name: 'Sign out' }).click();
    await expectPath(carolPage, '/sign-in');
    await submitPassword(carolPage, carol);
    await expectCodeStep(carolPage);
    await submitCode(carolPage, await carolApp.nextCode());
    await expectClientList(carolPage);
  });
});
