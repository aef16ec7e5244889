import { HttpClient, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ChangeDetectionStrategy, Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { MatDialog, MatDialogModule, type MatDialogRef } from '@angular/material/dialog';
import { Router } from '@angular/router';
import { firstValueFrom } from 'rxjs';
import { anAuthenticatedResponse, MemoryStorage } from '../../../testing/fixtures';
import { SESSION_STORAGE, SessionStore } from '../auth/session.store';
import { Notifier } from '../ui/notifier';
import { ApiError } from './api-error';
import { errorInterceptor } from './error.interceptor';

/** Stands for any dialog the portal opens (Add client, Add member, a confirmation). */
@Component({
  selector: 'app-some-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatDialogModule],
  template: '<h2 mat-dialog-title>Add a client</h2>',
})
class SomeDialog {}

describe('errorInterceptor', () => {
  let client: HttpClient;
  let http: HttpTestingController;
  let session: SessionStore;
  let router: { url: string; navigate: ReturnType<typeof vi.fn>; navigateByUrl: ReturnType<typeof vi.fn> };
  let notifier: { infoAfter: ReturnType<typeof vi.fn> };

  beforeEach(() => {
    router = { url: '/clients/c1', navigate: vi.fn(() => Promise.resolve(true)), navigateByUrl: vi.fn(() => Promise.resolve(true)) };
    notifier = { infoAfter: vi.fn() };
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(withInterceptors([errorInterceptor])),
        provideHttpClientTesting(),
        { provide: SESSION_STORAGE, useValue: new MemoryStorage() },
        { provide: Router, useValue: router },
        { provide: Notifier, useValue: notifier },
      ],
    });
    client = TestBed.inject(HttpClient);
    http = TestBed.inject(HttpTestingController);
    session = TestBed.inject(SessionStore);
    session.start(anAuthenticatedResponse());
  });

  afterEach(() => http.verify());

  async function fail(status: number, body: object, headers: Record<string, string> = {}): Promise<ApiError> {
    const result = firstValueFrom(client.get('/api/clients/c1'));
    http.expectOne('/api/clients/c1').flush(body, { status, statusText: 'Error', headers });
    try {
      await result;
    } catch (e) {
      return e as ApiError;
    }
    throw new Error('expected the request to fail');
  }

  it('treats UNAUTHENTICATED as signed out: clears the session and goes to sign-in', async () => {
    const error = await fail(401, { statusCode: 401, code: 'UNAUTHENTICATED', message: 'x', error: 'Unauthorized' });
    expect(error).toBeInstanceOf(ApiError);
    expect(error.code).toBe('UNAUTHENTICATED');
    expect(session.isSignedIn()).toBe(false);
    expect(router.navigate).toHaveBeenCalledWith(['/sign-in'], { queryParams: { returnUrl: '/clients/c1' } });
    // The message is shown on the sign-in page, once the navigation there has ended.
    expect(notifier.infoAfter).toHaveBeenCalledWith(router.navigate.mock.results[0]?.value, 'Your session has ended. Please sign in again.');
  });

  it('closes the open dialogs when it sends the person to sign in, so none is left covering the sign-in page', async () => {
    const dialog = TestBed.inject(MatDialog);
    const ref: MatDialogRef<SomeDialog> = dialog.open(SomeDialog);
    const closed = firstValueFrom(ref.afterClosed());
    await fail(401, { statusCode: 401, code: 'UNAUTHENTICATED', message: 'x', error: 'Unauthorized' });
    await closed;
    expect(dialog.openDialogs).toHaveLength(0);
    expect(router.navigate).toHaveBeenCalledWith(['/sign-in'], { queryParams: { returnUrl: '/clients/c1' } });
  });

  it('leaves the dialogs open for any other failure, where the dialog shows the message', async () => {
    const dialog = TestBed.inject(MatDialog);
    dialog.open(SomeDialog);
    await fail(401, { code: 'TWO_FACTOR_ENROLMENT_REQUIRED' });
    await fail(409, { code: 'CLIENT_CODE_TAKEN' });
    await fail(400, { code: 'VALIDATION_FAILED', errors: [{ field: 'name', messages: ['name must not be blank'] }] });
    expect(dialog.openDialogs).toHaveLength(1);
    dialog.closeAll();
  });

  it('never treats TWO_FACTOR_ENROLMENT_REQUIRED as signed out: keeps the session and opens the enable flow', async () => {
    const error = await fail(401, {
      statusCode: 401,
      code: 'TWO_FACTOR_ENROLMENT_REQUIRED',
      message: 'Unauthorised: …',
      error: 'Unauthorized',
    });
    expect(error.code).toBe('TWO_FACTOR_ENROLMENT_REQUIRED');
    expect(session.isSignedIn()).toBe(true);
    expect(session.enrolmentRequired()).toBe(true);
    expect(router.navigate).not.toHaveBeenCalled();
    expect(router.navigateByUrl).toHaveBeenCalledWith('/profile/two-factor/enable');
  });

  it('does not navigate again when already in the enable flow', async () => {
    router.url = '/profile/two-factor/enable';
    await fail(401, { code: 'TWO_FACTOR_ENROLMENT_REQUIRED' });
    expect(router.navigateByUrl).not.toHaveBeenCalled();
  });

  it('passes other errors to the caller with words for the user', async () => {
    const error = await fail(
      429,
      { statusCode: 429, code: 'TOO_MANY_ATTEMPTS', message: 'x', error: 'Too Many Requests' },
      { 'Retry-After': '30' },
    );
    expect(error.userMessage).toBe('Too many attempts. Please wait 30 seconds and try again.');
    expect(session.isSignedIn()).toBe(true);
    expect(router.navigate).not.toHaveBeenCalled();
    expect(router.navigateByUrl).not.toHaveBeenCalled();
  });

  it('leaves a wrong password alone: a 401 before sign-in is not a session ending', async () => {
    session.clear();
    const error = await fail(401, { code: 'INVALID_CREDENTIALS' });
    expect(error.code).toBe('INVALID_CREDENTIALS');
    expect(router.navigate).not.toHaveBeenCalled();
    expect(notifier.infoAfter).not.toHaveBeenCalled();
  });
});
