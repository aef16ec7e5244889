/**
 * Profile → Change password, in Chromium against the real API: a member replaces the password an administrator
 * set for them. A wrong current password is said on its field; afterwards only the new password signs in.
 */
import { afterAll, beforeAll, describe, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { startTestApp, type TestApp } from '../support/test-app.js';
import {
  checkScreen,
  Computer,
  expectClientList,
  expectVisible,
  formAlert,
  openProfile,
  type Person,
  signOut,
  submitPassword,
} from './helpers.js';

const jill: Person = {
  email: 'jill.jones@riverside-tax.test',
  password: 'Set-by-the-admin-2026',
  firstName: 'Jill',
  lastName: 'Jones',
};
const NEW_PASSWORD = 'my own river stones and kettles';

describe('Change password, in the browser', () => {
  let app: TestApp;
  let computer: Computer;
  let page: Page;

  beforeAll(async () => {
    app = await startTestApp({ database: 'sqlite', servePortal: true });
    const { practiceId } = await app.createPractice({
      name: 'Riverside Tax',
      admin: { email: 'admin@riverside-tax.test', password: 'Riverside-admin-2026', firstName: 'Rae', lastName: 'Reed' },
    });
    await app.createUser(practiceId, { ...jill, role: 'MEMBER' });
    computer = await Computer.start(app.baseUrl);
    page = await computer.page();
  });

  afterAll(async () => {
    await computer?.close();
    await app?.close();
  });

  it('replaces the password: a wrong current one is refused on its field, then only the new one signs in', async () => {
    await submitPassword(page, jill);
    await expectClientList(page);
    await openProfile(page);
    await page.getByRole('button', { name: 'Change password' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Current password').fill('not my password at all');
    await dialog.getByLabel('New password', { exact: true }).fill(NEW_PASSWORD);
    await dialog.getByLabel('New password again').fill(NEW_PASSWORD);
    await dialog.getByRole('button', { name: 'Change password' }).click();
    await expectVisible(dialog.getByText('That password is incorrect.'));
    await checkScreen(page, 'change-password-wrong-current');

    await dialog.getByLabel('Current password').fill(jill.password);
    await dialog.getByRole('button', { name: 'Change password' }).click();
    await expectVisible(page.locator('mat-snack-bar-container').getByText('Your password is changed.', { exact: false }));

    await signOut(page);
    await submitPassword(page, jill);
    await expectVisible(formAlert(page));
    await submitPassword(page, { ...jill, password: NEW_PASSWORD });
    await expectClientList(page);
  });
});
