/**
 * When the code step goes wrong, in Chromium against the real API: a sign-in left open past its 5 minutes, and the
 * lock after 10 wrong codes in a row, with the time to wait. Each must say in plain words what happened and what to
 * do, and never sign anyone in. Also a session that ends while a dialog is open.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { IsNull } from 'typeorm';
import { LoginChallenge } from '../../api/src/auth/entities/login-challenge.entity.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import {
  apiCall,
  type Authenticator,
  checkScreen,
  Computer,
  enableTwoFactorOverApi,
  expectClientList,
  expectCodeStep,
  expectHidden,
  expectPath,
  expectVisible,
  formAlert,
  type Person,
  submitCode,
  submitPassword,
} from './helpers.js';

const gina: Person = {
  email: 'gina.grey@lakeside-books.test',
  password: 'Lakeside-admin-2026!',
  firstName: 'Gina',
  lastName: 'Grey',
};
const hugo: Person = {
  email: 'hugo.hart@lakeside-books.test',
  password: 'Hugo-the-member-2026!',
  firstName: 'Hugo',
  lastName: 'Hart',
};

describe('Sign-in problems, in the browser', () => {
  let app: TestApp;
  let computer: Computer;
  let page: Page;
  let ginaApp: Authenticator;
  let hugoApp: Authenticator;

  beforeAll(async () => {
    app = await startTestApp({ database: 'sqlite', servePortal: true });
    const { practiceId } = await app.createPractice({ name: 'Lakeside Books', admin: gina });
    await app.createUser(practiceId, { ...hugo, role: 'MEMBER' });
    ginaApp = await enableTwoFactorOverApi(app.baseUrl, gina);
    hugoApp = await enableTwoFactorOverApi(app.baseUrl, hugo);
    computer = await Computer.start(app.baseUrl);
    page = await computer.page();
  });

  afterAll(async () => {
    await computer?.close();
    await app?.close();
  });

  /** Five minutes pass on the open sign-in: its challenge is past its expiry, as the API's clock will see. */
  async function letOpenSignInsExpire(): Promise<void> {
    const expired = await app.dataSource
      .getRepository(LoginChallenge)
      .update({ consumedAt: IsNull() }, { expiresAt: new Date(Date.now() - 1000) });
    expect(expired.affected).toBeGreaterThan(0);
  }

  it('an expired sign-in says so, keeps the email, and a fresh one works', async () => {
    await submitPassword(page, gina);
    await expectCodeStep(page);
    await letOpenSignInsExpire();

    await submitCode(page, await ginaApp.nextCode());
    await expectVisible(
      formAlert(page).getByText(
        'This sign-in has ended: it expired, or too many wrong codes were entered. Please enter your email and password again.',
      ),
    );
    await expectVisible(page.getByRole('heading', { name: 'Sign in' }));
    expect(await page.getByLabel('Email').inputValue()).toBe(gina.email);
    await checkScreen(page, 'sign-in-expired');

    await page.getByLabel('Password', { exact: false }).first().fill(gina.password);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expectCodeStep(page);
    await submitCode(page, await ginaApp.nextCode());
    await expectClientList(page);
  });

  it('a session that ends while a dialog is open closes the dialog, leaves sign-in usable, and returns to the page', async () => {
    await page.getByRole('link', { name: 'Practice Settings' }).click();
    await expectPath(page, '/practice/settings');
    await page.getByRole('button', { name: 'Add member' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('First name').fill('Iris');
    await dialog.getByLabel('Last name').fill('Ives');
    await dialog.getByLabel('Email').fill('iris.ives@lakeside-books.test');
    await dialog.getByLabel('Password', { exact: true }).fill('Iris-the-member-2026!');

    // Meanwhile the session ends: signed out from elsewhere, or past its lifetime.
    const token = await page.evaluate(() => {
      const raw = sessionStorage.getItem('practice-cloud.session');
      return raw ? (JSON.parse(raw) as { accessToken: string }).accessToken : '';
    });
    expect((await apiCall(app.baseUrl, 'POST', '/auth/logout', {}, token)).status).toBe(204);

    await dialog.getByRole('button', { name: 'Add member' }).click();
    await expectPath(page, '/sign-in');
    await expectHidden(dialog);
    expect(await page.locator('.cdk-overlay-backdrop').count()).toBe(0);
    expect(new URL(page.url()).searchParams.get('returnUrl')).toBe('/practice/settings');
    await expectVisible(page.locator('mat-snack-bar-container').getByText('Your session has ended. Please sign in again.'));
    await checkScreen(page, 'sign-in-after-session-ended');

    // Nothing covers the form: a real click reaches the fields and the button.
    await page.getByLabel('Email').click();
    await page.getByLabel('Email').fill(gina.email);
    await page.getByLabel('Password', { exact: false }).first().fill(gina.password);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expectCodeStep(page);
    await submitCode(page, await ginaApp.nextCode());
    await expectPath(page, '/practice/settings');
    await expectVisible(page.getByRole('heading', { name: 'Practice Settings' }));
  });

  it('10 wrong codes in a row lock the code step, and the wait time is shown', async () => {
    await page.getByTestId('account-menu').click();
    await page.getByRole('menuitem', { name: 'Sign out' }).click();

    // One sign-in survives 5 wrong codes; then it has expired and the password is asked for again.
    for (let round = 0; round < 2; round++) {
      await submitPassword(page, hugo);
      await expectCodeStep(page);
      for (let attempt = 0; attempt < 5; attempt++) {
        await submitCode(page, hugoApp.staleCode(10 + attempt));
        await expectVisible(formAlert(page).getByText(/That code did not work/));
        // The alert is the same words each time: wait for the answer, shown when the button reads "Verify" again.
        await expectVisible(page.getByRole('button', { name: 'Verify', exact: true }));
      }
      await submitCode(page, hugoApp.staleCode(20));
      // The words cover this cause too, not only a sign-in left open too long.
      await expectVisible(formAlert(page).getByText('too many wrong codes were entered', { exact: false }));
      await expectVisible(page.getByRole('heading', { name: 'Sign in' }));
    }

    // Ten wrong codes in a row: even the right code is refused for 15 minutes, and the form says how long to wait.
    await submitPassword(page, hugo);
    await expectCodeStep(page);
    await submitCode(page, await hugoApp.nextCode());
    await expectVisible(formAlert(page).getByText('Too many attempts. Please wait 15 minutes and try again.'));
    expect(await page.getByRole('button', { name: 'Verify', exact: true }).isDisabled()).toBe(true);
    await checkScreen(page, 'sign-in-too-many-attempts');
    expect(new URL(page.url()).pathname).toBe('/sign-in');
  });
});
