import { HttpTestingController } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import { aProfile, portalTestProviders, renderStable } from '../../../testing/fixtures';
import { DisableTwoFactorDialog } from './disable-two-factor-dialog';
import { EnableTwoFactorPage } from './enable-two-factor.page';
import { RegenerateBackupCodesDialog } from './regenerate-backup-codes-dialog';

const A_SETUP = {
  secret: 'JBSWY3DPEHPK3PXP',
  otpauthUrl: 'otpauth://totp/Practice%20Cloud:jane?secret=JBSWY3DPEHPK3PXP',
  qrCodeDataUrl: 'data:image/png;base64,AAAA',
  expiresAt: '2030-01-01T00:00:00Z',
};

/**
 * The profile's 2FA forms submit through Angular, not the browser: pressing Enter or the submit button sends the
 * request and the native submit (a page reload that loses the step) is prevented.
 */
describe('The 2FA forms of the profile', () => {
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        ...portalTestProviders(),
        { provide: MatDialogRef, useValue: { close: vi.fn() } },
        { provide: MAT_DIALOG_DATA, useValue: { account: 'jane@smith-co.test' } },
      ],
    });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  function type(fixture: ComponentFixture<unknown>, selector: string, value: string): void {
    const input = (fixture.nativeElement as HTMLElement).querySelector<HTMLInputElement>(selector);
    if (!input) throw new Error(`no ${selector}`);
    input.value = value;
    input.dispatchEvent(new Event('input'));
  }

  /** Submits the form as the browser does; answers whether the native submit was prevented. */
  async function submit(fixture: ComponentFixture<unknown>): Promise<boolean> {
    const form = (fixture.nativeElement as HTMLElement).querySelector('form');
    if (!form) throw new Error('no form');
    const event = new Event('submit', { cancelable: true });
    form.dispatchEvent(event);
    await fixture.whenStable();
    return event.defaultPrevented;
  }

  it('Disable 2FA sends the password', async () => {
    const fixture = await renderStable(DisableTwoFactorDialog);
    type(fixture, 'input[type=password]', 'my current password');
    expect(await submit(fixture)).toBe(true);
    const req = http.expectOne('/api/profile/two-factor/disable');
    expect(req.request.body).toEqual({ password: 'my current password' });
    req.flush(null, { status: 204, statusText: 'No Content' });
  });

  it('Regenerate backup codes sends the code from the app', async () => {
    const fixture = await renderStable(RegenerateBackupCodesDialog);
    type(fixture, 'input[autocomplete=one-time-code]', '123 456');
    expect(await submit(fixture)).toBe(true);
    const req = http.expectOne('/api/profile/two-factor/backup-codes');
    expect(req.request.body).toEqual({ code: '123456' });
    req.flush({ backupCodes: [] });
  });

  it('Verify and Next sends the code of the enable flow', async () => {
    const fixture = await renderStable(EnableTwoFactorPage);
    const next = [...(fixture.nativeElement as HTMLElement).querySelectorAll('button')].find(
      (b) => b.textContent?.trim() === 'Next',
    );
    next?.click();
    http.expectOne('/api/profile/two-factor/setup').flush(A_SETUP);
    await fixture.whenStable();

    type(fixture, 'input[autocomplete=one-time-code]', '654321');
    expect(await submit(fixture)).toBe(true);
    const req = http.expectOne('/api/profile/two-factor/verify');
    expect(req.request.body).toEqual({ code: '654321' });
    req.flush({ backupCodes: ['AAAA-BBBB'] });
  });

  it('moves focus to the heading of each new step of the enable flow, not to the page body', async () => {
    const fixture = await renderStable(EnableTwoFactorPage);
    const focusedText = (): string | undefined => document.activeElement?.textContent?.trim();
    const buttonNamed = (label: string): HTMLButtonElement | undefined =>
      [...(fixture.nativeElement as HTMLElement).querySelectorAll('button')].find((b) => b.textContent?.trim() === label);

    buttonNamed('Next')?.focus();
    buttonNamed('Next')?.click();
    http.expectOne('/api/profile/two-factor/setup').flush(A_SETUP);
    await fixture.whenStable();
    expect(document.activeElement?.tagName).toBe('H2');
    expect(focusedText()).toBe('Scan the QR code');

    type(fixture, 'input[autocomplete=one-time-code]', '654321');
    expect(await submit(fixture)).toBe(true);
    http.expectOne('/api/profile/two-factor/verify').flush({ backupCodes: ['AAAA-BBBB'] });
    await fixture.whenStable();
    expect(focusedText()).toBe('Save your backup codes');
  });

  it('lets a pasted code longer than 6 digits stay whole, and says what a code looks like', async () => {
    const fixture = await renderStable(EnableTwoFactorPage);
    [...(fixture.nativeElement as HTMLElement).querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Next')?.click();
    http.expectOne('/api/profile/two-factor/setup').flush(A_SETUP);
    await fixture.whenStable();

    const input = (fixture.nativeElement as HTMLElement).querySelector<HTMLInputElement>('input[autocomplete=one-time-code]');
    expect(input?.hasAttribute('maxlength')).toBe(false);
    type(fixture, 'input[autocomplete=one-time-code]', '123 456 789');
    expect(await submit(fixture)).toBe(true);
    http.expectNone('/api/profile/two-factor/verify');
    expect((fixture.nativeElement as HTMLElement).querySelector('mat-error')?.textContent).toContain('The code is 6 digits');
  });

  describe('one request per submission: two clicks in a row reach the form before the disabled button is rendered', () => {
    function button(fixture: ComponentFixture<unknown>, label: string): HTMLButtonElement {
      const found = [...(fixture.nativeElement as HTMLElement).querySelectorAll('button')].find(
        (b) => b.textContent?.trim() === label,
      );
      if (!found) throw new Error(`no button ${label}`);
      return found;
    }

    async function doubleClick(fixture: ComponentFixture<unknown>, label: string): Promise<void> {
      const target = button(fixture, label);
      target.click();
      target.click();
      await fixture.whenStable();
    }

    it('Disable 2FA', async () => {
      const fixture = await renderStable(DisableTwoFactorDialog);
      type(fixture, 'input[type=password]', 'my current password');
      await fixture.whenStable();
      const form = (fixture.nativeElement as HTMLElement).querySelector('form');
      const submitButton = form?.querySelector<HTMLButtonElement>('button[type=submit]');
      submitButton?.click();
      submitButton?.click();
      await fixture.whenStable();
      http
        .expectOne('/api/profile/two-factor/disable')
        .flush(null, { status: 204, statusText: 'No Content' });
    });

    it('Regenerate backup codes', async () => {
      const fixture = await renderStable(RegenerateBackupCodesDialog);
      type(fixture, 'input[autocomplete=one-time-code]', '123456');
      await fixture.whenStable();
      const submitButton = (fixture.nativeElement as HTMLElement).querySelector<HTMLButtonElement>(
        'form button[type=submit]',
      );
      submitButton?.click();
      submitButton?.click();
      await fixture.whenStable();
      http.expectOne('/api/profile/two-factor/backup-codes').flush({ backupCodes: [] });
    });

    it('Next, Verify and Next, and Verify and Enable of the enable flow', async () => {
      const fixture = await renderStable(EnableTwoFactorPage);
      await doubleClick(fixture, 'Next');
      http.expectOne('/api/profile/two-factor/setup').flush(A_SETUP);
      await fixture.whenStable();

      type(fixture, 'input[autocomplete=one-time-code]', '654321');
      await fixture.whenStable();
      await doubleClick(fixture, 'Verify and Next');
      http.expectOne('/api/profile/two-factor/verify').flush({ backupCodes: ['AAAA-BBBB'] });
      await fixture.whenStable();

      (fixture.nativeElement as HTMLElement)
        .querySelector<HTMLInputElement>('mat-checkbox input')
        ?.click();
      await fixture.whenStable();
      expect(button(fixture, 'Verify and Enable').disabled).toBe(false);
      await doubleClick(fixture, 'Verify and Enable');
      http.expectOne('/api/profile/two-factor/enable').flush(aProfile());
      // The portal reloads the notifications once 2FA is on; not what this test is about.
      http.match('/api/notifications').forEach((req) => req.flush([]));
    });
  });
});
