import { HttpTestingController } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { MatDialogRef } from '@angular/material/dialog';
import { portalTestProviders, renderStable } from '../../../testing/fixtures';
import { ChangePasswordDialog } from './change-password-dialog';

describe('Change password', () => {
  let http: HttpTestingController;
  const close = vi.fn();

  beforeEach(() => {
    close.mockReset();
    TestBed.configureTestingModule({
      providers: [...portalTestProviders(), { provide: MatDialogRef, useValue: { close } }],
    });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  function fill(fixture: ComponentFixture<ChangePasswordDialog>, values: Record<string, string>): void {
    for (const [name, value] of Object.entries(values)) {
      const input = (fixture.nativeElement as HTMLElement).querySelector<HTMLInputElement>(`input[formcontrolname=${name}]`)!;
      input.value = value;
      input.dispatchEvent(new Event('input'));
    }
  }

  async function submit(fixture: ComponentFixture<ChangePasswordDialog>): Promise<string> {
    (fixture.nativeElement as HTMLElement).querySelector('form')!.dispatchEvent(new Event('submit', { cancelable: true }));
    await fixture.whenStable();
    return (fixture.nativeElement as HTMLElement).textContent ?? '';
  }

  it('sends the current and the new password, and closes once it is changed', async () => {
    const fixture = await renderStable(ChangePasswordDialog);
    fill(fixture, { currentPassword: 'the old one', newPassword: 'a brand new passphrase', repeated: 'a brand new passphrase' });
    await submit(fixture);
    const request = http.expectOne('/api/profile/password');
    expect(request.request.body).toEqual({ currentPassword: 'the old one', newPassword: 'a brand new passphrase' });
    request.flush(null, { status: 204, statusText: 'No Content' });
    expect(close).toHaveBeenCalledWith(true);
  });

  it('sends nothing while the new password is too short or typed differently twice', async () => {
    const fixture = await renderStable(ChangePasswordDialog);
    fill(fixture, { currentPassword: 'the old one', newPassword: 'short', repeated: 'short' });
    expect(await submit(fixture)).toContain('Use at least 12 characters.');
    fill(fixture, { newPassword: 'a brand new passphrase', repeated: 'a brand new passphrase!' });
    expect(await submit(fixture)).toContain('The two new passwords are not the same.');
    http.expectNone('/api/profile/password');
  });

  it("puts the API's refusals on their fields", async () => {
    const fixture = await renderStable(ChangePasswordDialog);
    fill(fixture, { currentPassword: 'not it', newPassword: 'a brand new passphrase', repeated: 'a brand new passphrase' });
    await submit(fixture);
    http.expectOne('/api/profile/password').flush(
      { statusCode: 400, error: 'Bad Request', code: 'INVALID_PASSWORD', message: 'That password is not right.' },
      { status: 400, statusText: 'Bad Request' },
    );
    await fixture.whenStable();
    expect((fixture.nativeElement as HTMLElement).textContent).toContain('That password is incorrect.');
    fill(fixture, { currentPassword: 'the old one' });
    await submit(fixture);
    http.expectOne('/api/profile/password').flush(
      {
        statusCode: 400,
        error: 'Bad Request',
        code: 'VALIDATION_FAILED',
        message: 'The request is not valid.',
        errors: [{ field: 'newPassword', messages: ['newPassword is too easy to guess'] }],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await fixture.whenStable();
    expect((fixture.nativeElement as HTMLElement).textContent).toContain('The new password is too easy to guess.');
    expect(close).not.toHaveBeenCalled();
  });
});
