/**
 * Names and codes as long as the forms allow, in Chromium against the real API: a client code of 32 characters, a
 * client name of 200 characters without a space, a person's name of 100 + 100 and a long practice name. None of them
 * may push a table, a card or the page wider than the window, on a phone or on a desktop, nor push the account menu
 * off-screen. And the forms keep what is pasted whole, saying when it is too long, instead of cutting it.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Locator, Page } from 'playwright-core';
import { CLIENT_CODE_MAX_LENGTH, CLIENT_NAME_MAX_LENGTH, NAME_MAX_LENGTH } from '@practice-cloud/contracts';
import { startTestApp, type TestApp } from '../support/test-app.js';
import {
  checkScreen,
  Computer,
  DESKTOP,
  enableTwoFactorOverApi,
  expectClientList,
  expectHidden,
  expectNoSidewaysScroll,
  expectPath,
  expectVisible,
  expectWithinWindow,
  type Person,
  PHONE,
  submitPassword,
} from './helpers.js';

const LONG_PRACTICE_NAME = 'Vanderbijlpark'.repeat(8);
const wilhelmina: Person = {
  email: 'wilhelmina@vanderbijlpark-accountants.test',
  password: 'Vanderbijlpark-admin-2026!',
  firstName: 'Wilhelmina'.repeat(10).slice(0, NAME_MAX_LENGTH),
  lastName: 'Oppenheimer'.repeat(10).slice(0, NAME_MAX_LENGTH),
};
// Reset 2FA is offered for him: his name, unbroken too, is in the confirmation's title.
const jacobus: Person = {
  email: 'jacobus@vanderbijlpark-accountants.test',
  password: 'Jacobus-the-member-2026!',
  firstName: 'Jacobus',
  lastName: 'Engelbrecht'.repeat(9),
};
const LONG_CODE = 'NORMALNAMELTD-2026-ACCOUNTS-0001';
const LONG_NAME = `Supercalifragilisticexpialidocious${'X'.repeat(CLIENT_NAME_MAX_LENGTH)}`.slice(0, CLIENT_NAME_MAX_LENGTH);

/** On how many lines the element's text is drawn. */
async function linesOf(locator: Locator): Promise<number> {
  return locator.evaluate((element) => {
    const range = document.createRange();
    range.selectNodeContents(element);
    return new Set(Array.from(range.getClientRects(), (rect) => Math.round(rect.top))).size;
  });
}

async function atEachWidth(page: Page, check: (width: 'desktop' | 'phone') => Promise<void>): Promise<void> {
  try {
    for (const [width, size] of [['desktop', DESKTOP], ['phone', PHONE]] as const) {
      await page.setViewportSize(size);
      await check(width);
    }
  } finally {
    await page.setViewportSize(DESKTOP);
  }
}

describe('Long names and codes, in the browser', () => {
  let app: TestApp;
  let computer: Computer;
  let page: Page;

  beforeAll(async () => {
    expect(LONG_CODE).toHaveLength(CLIENT_CODE_MAX_LENGTH);
    app = await startTestApp({ database: 'sqlite', servePortal: true });
    const { practiceId } = await app.createPractice({ name: LONG_PRACTICE_NAME, admin: wilhelmina });
    await app.createUser(practiceId, { ...jacobus, role: 'MEMBER' });
    await enableTwoFactorOverApi(app.baseUrl, jacobus);
    computer = await Computer.start(app.baseUrl);
    page = await computer.page();
  });

  afterAll(async () => {
    await computer?.close();
    await app?.close();
  });

  it('a long name in the top bar is cut with an ellipsis, and the account menu stays on screen', async () => {
    await submitPassword(page, wilhelmina);
    await expectClientList(page);
    for (const width of [1280, 1024]) {
      await page.setViewportSize({ width, height: DESKTOP.height });
      await expectWithinWindow(page.getByTestId('account-menu'));
      await expectNoSidewaysScroll(page);
      const shown = page.locator('.who .user-name');
      expect(await shown.evaluate((element) => element.scrollWidth > element.clientWidth)).toBe(true);
      expect(await shown.evaluate((element) => getComputedStyle(element).textOverflow)).toBe('ellipsis');
      await page.getByTestId('account-menu').click();
      await expectWithinWindow(page.getByRole('menuitem'));
      await page.keyboard.press('Escape');
      await expectHidden(page.getByRole('menu'));
    }
    await page.setViewportSize(DESKTOP);
    await checkScreen(page, 'long-names-top-bar', { fullPage: false });
  });

  it('a 32-character code and a 200-character unbroken name wrap in the Client List and the client file', async () => {
    for (const [name, code] of [
      ['Acacia Bakery (Pty) Ltd', 'ACA001'],
      [LONG_NAME, LONG_CODE],
      ['Marina Holdings plc', 'MAR-2026'],
    ]) {
      await page.getByRole('button', { name: 'Add client' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel('Client name').fill(name);
      await dialog.getByLabel('Client code').fill(code);
      await dialog.getByRole('button', { name: 'Add client' }).click();
      await expectHidden(dialog);
    }
    const links = page.locator('a.client-link');
    await expectVisible(page.getByRole('link', { name: LONG_NAME }));
    expect(await links.count()).toBe(3);
    // Stored and shown whole: nothing was cut on the way.
    expect((await page.getByRole('link', { name: LONG_NAME }).textContent())?.trim()).toBe(LONG_NAME);

    await atEachWidth(page, async (width) => {
      await checkScreen(page, `long-names-client-list-${width}`);
      // Every row's link, the only way to open its file, and the date are within the window.
      await expectWithinWindow(links);
      await expectWithinWindow(page.locator('td.mat-column-updatedAt'));
      // Codes of a usual length do not break; only the long one may.
      expect(await linesOf(page.getByRole('cell', { name: 'ACA001', exact: true }))).toBe(1);
      expect(await linesOf(page.getByRole('cell', { name: 'MAR-2026', exact: true }))).toBe(1);
    });

    await page.getByRole('link', { name: LONG_NAME }).click();
    await expectVisible(page.getByRole('heading', { name: LONG_NAME }));
    await atEachWidth(page, async (width) => {
      await checkScreen(page, `long-names-client-file-${width}`);
      await expectWithinWindow(page.getByRole('heading', { name: LONG_NAME }));
    });
    await page.getByRole('link', { name: 'Client List', exact: true }).click();
    await expectClientList(page);
  });

  it('Practice Settings, the reset confirmation and the profile keep long names within the window; Reset 2FA on one line', async () => {
    await page.getByRole('link', { name: 'Practice Settings' }).click();
    await expectPath(page, '/practice/settings');
    const reset = page.getByRole('button', { name: /^Reset 2FA for Jacobus/ });
    await expectVisible(reset);
    await atEachWidth(page, async (width) => {
      await checkScreen(page, `long-names-practice-settings-${width}`);
      await expectWithinWindow(page.locator('tr.mat-mdc-row td, tr.mat-mdc-row button'));
      expect(await linesOf(reset.locator('.mdc-button__label'))).toBe(1);
    });

    await reset.click();
    const dialog = page.getByRole('alertdialog');
    await expectVisible(dialog.getByText(/lost their phone/));
    await checkScreen(page, 'long-names-reset-confirm', { fullPage: false });
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expectHidden(dialog);

    await page.goto('/profile');
    await expectVisible(page.getByRole('heading', { name: 'Manage Profile' }));
    await atEachWidth(page, async (width) => {
      await checkScreen(page, `long-names-profile-${width}`);
    });
  });

  it('Add client and Add member keep pasted text whole, say when it is too long, and count spaces alone as empty', async () => {
    await page.goto('/');
    await expectClientList(page);
    await page.getByRole('button', { name: 'Add client' }).click();
    let dialog = page.getByRole('dialog');
    const name = dialog.getByLabel('Client name');
    await name.fill('N'.repeat(380));
    // At once, while the cursor is still in the field.
    await expectVisible(dialog.getByText(`Use at most ${CLIENT_NAME_MAX_LENGTH} characters (now 380).`));
    expect(await name.inputValue()).toHaveLength(380);
    await name.fill('   ');
    await dialog.getByLabel('Client code').fill('ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789');
    await expectVisible(dialog.getByText(`Use at most ${CLIENT_CODE_MAX_LENGTH} characters (now 36).`));
    await dialog.getByRole('button', { name: 'Add client' }).click();
    await expectVisible(dialog.getByText("Enter the client's name."));
    await checkScreen(page, 'add-client-too-long', { fullPage: false });
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expectHidden(dialog);

    await page.getByRole('link', { name: 'Practice Settings' }).click();
    await page.getByRole('button', { name: 'Add member' }).click();
    dialog = page.getByRole('dialog');
    await dialog.getByLabel('First name').fill('Bartholomew-'.repeat(9).slice(0, NAME_MAX_LENGTH + 6));
    await expectVisible(dialog.getByText(`Use at most ${NAME_MAX_LENGTH} characters (now ${NAME_MAX_LENGTH + 6}).`));
    await dialog.getByLabel('Last name').fill('  ');
    await dialog.getByRole('button', { name: 'Add member' }).click();
    await expectVisible(dialog.getByText('Enter a last name.'));
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expectHidden(dialog);
  });
});
