import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { anAuthenticatedResponse, aProfile, MemoryStorage } from '../../../testing/fixtures';
import { errorInterceptor } from '../../core/api/error.interceptor';
import { credentialsInterceptor } from '../../core/auth/credentials.interceptor';
import { SESSION_STORAGE } from '../../core/auth/session.store';
import { safeReturnUrl, SignInPage } from './sign-in.page';

describe('SignInPage', () => {
  let fixture: ComponentFixture<SignInPage>;
  let http: HttpTestingController;
  let navigate: ReturnType<typeof vi.spyOn>;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      imports: [SignInPage],
      providers: [
        provideRouter([]),
        provideHttpClient(withInterceptors([credentialsInterceptor, errorInterceptor])),
        provideHttpClientTesting(),
        { provide: SESSION_STORAGE, useValue: new MemoryStorage() },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    navigate = vi.spyOn(TestBed.inject(Router), 'navigateByUrl').mockResolvedValue(true);
    fixture = TestBed.createComponent(SignInPage);
    await fixture.whenStable();
  });

  afterEach(() => http.verify());

  const el = (): HTMLElement => fixture.nativeElement as HTMLElement;

  function type(selector: string, value: string): void {
    const input = el().querySelector<HTMLInputElement>(selector);
    if (!input) throw new Error(`no ${selector}`);
    input.value = value;
    input.dispatchEvent(new Event('input'));
  }

  async function submit(): Promise<void> {
    el().querySelector<HTMLFormElement>('form')?.dispatchEvent(new Event('submit'));
    await fixture.whenStable();
  }

  async function passwordStep(): Promise<void> {
    type('input[type=email]', 'jane@smith-co.test');
    type('input[autocomplete=current-password]', 'correct horse');
    await submit();
    const req = http.expectOne('/api/auth/login');
    expect(req.request.body).toEqual({ email: 'jane@smith-co.test', password: 'correct horse' });
    req.flush({ status: 'TWO_FACTOR_REQUIRED', challengeToken: 'challenge-1', expiresAt: '2030-01-01T00:00:00Z' });
    await fixture.whenStable();
  }

  it('asks for the code when the API asks for it, and sends "Don\'t ask again" as rememberDevice', async () => {
    await passwordStep();
    expect(el().textContent).toContain('Two-factor authentication');
    expect(el().textContent).toContain('Use a backup code instead');
    expect(el().textContent).toContain("Don't ask again on this computer");

    type('input[autocomplete=one-time-code]', '123 456');
    el().querySelector<HTMLInputElement>('input[type=checkbox]')?.click();
    await submit();
    const req = http.expectOne('/api/auth/login/two-factor');
    expect(req.request.body).toEqual({ challengeToken: 'challenge-1', code: '123456', rememberDevice: true });
    req.flush(anAuthenticatedResponse());
    await fixture.whenStable();
    expect(navigate).toHaveBeenCalledWith('/');
  });

  it('shows clear words for a wrong code and stays on the code step', async () => {
    await passwordStep();
    type('input[autocomplete=one-time-code]', '000000');
    await submit();
    http
      .expectOne('/api/auth/login/two-factor')
      .flush({ statusCode: 401, code: 'INVALID_TWO_FACTOR_CODE', message: 'x', error: 'Unauthorized' }, { status: 401, statusText: 'Unauthorized' });
    await fixture.whenStable();
    expect(el().querySelector('[role=alert]')?.textContent).toContain('That code did not work');
    expect(el().querySelector('input[autocomplete=one-time-code]')).not.toBeNull();
  });

  it('goes back to the password step when the sign-in expired or too many wrong codes ended it', async () => {
    await passwordStep();
    type('input[autocomplete=one-time-code]', '123456');
    await submit();
    http
      .expectOne('/api/auth/login/two-factor')
      .flush({ statusCode: 401, code: 'CHALLENGE_EXPIRED', message: 'x', error: 'Unauthorized' }, { status: 401, statusText: 'Unauthorized' });
    await fixture.whenStable();
    expect(el().querySelector('input[type=email]')).not.toBeNull();
    expect(el().querySelector<HTMLInputElement>('input[type=email]')?.value).toBe('jane@smith-co.test');
    const alert = el().querySelector('[role=alert]')?.textContent ?? '';
    expect(alert).toContain('it expired, or too many wrong codes were entered');
    expect(alert).toContain('enter your email and password again');
  });

  it('shows the wait from Retry-After and holds the form', async () => {
    type('input[type=email]', 'jane@smith-co.test');
    type('input[autocomplete=current-password]', 'x');
    await submit();
    http
      .expectOne('/api/auth/login')
      .flush(
        { statusCode: 429, code: 'TOO_MANY_ATTEMPTS', message: 'x', error: 'Too Many Requests' },
        { status: 429, statusText: 'Too Many Requests', headers: { 'Retry-After': '300' } },
      );
    await fixture.whenStable();
    expect(el().querySelector('[role=alert]')?.textContent).toContain('Please wait 5 minutes');
    const button = el().querySelector<HTMLButtonElement>('button[type=submit]');
    expect(button?.disabled).toBe(true);
    // Held, not busy: the button keeps its words instead of "Signing in…" for the whole wait.
    expect(button?.textContent?.trim()).toBe('Sign in');
  });

  it('sends one request for a double click, on the password step and on the code step', async () => {
    // Two clicks in a row reach the form before the disabled button is rendered.
    const doubleClick = async (): Promise<void> => {
      const button = el().querySelector<HTMLButtonElement>('button[type=submit]');
      button?.click();
      button?.click();
      await fixture.whenStable();
    };
    type('input[type=email]', 'jane@smith-co.test');
    type('input[autocomplete=current-password]', 'correct horse');
    await doubleClick();
    http.expectOne('/api/auth/login').flush({ status: 'TWO_FACTOR_REQUIRED', challengeToken: 'challenge-1', expiresAt: '2030-01-01T00:00:00Z' });
    await fixture.whenStable();

    type('input[autocomplete=one-time-code]', '123456');
    await doubleClick();
    http.expectOne('/api/auth/login/two-factor').flush(anAuthenticatedResponse());
    await fixture.whenStable();
  });

  it('signs in with a backup code', async () => {
    await passwordStep();
    const toggle = [...el().querySelectorAll('button')].find((b) => b.textContent?.includes('Use a backup code instead'));
    toggle?.click();
    await fixture.whenStable();
    type('input[autocapitalize=characters]', 'abcd-efgh');
    await submit();
    const req = http.expectOne('/api/auth/login/two-factor');
    expect(req.request.body).toEqual({ challengeToken: 'challenge-1', backupCode: 'ABCDEFGH' });
    req.flush({ statusCode: 401, code: 'INVALID_TWO_FACTOR_CODE', message: 'x', error: 'Unauthorized' }, { status: 401, statusText: 'Unauthorized' });
    await fixture.whenStable();
    expect(el().querySelector('[role=alert]')?.textContent).toContain('backup code did not work');
  });

  it('takes a user whose practice requires 2FA straight to the enable flow', async () => {
    type('input[type=email]', 'jane@smith-co.test');
    type('input[autocomplete=current-password]', 'x');
    await submit();
    const mustEnrol = aProfile({
      twoFactor: { enabled: false, enabledAt: null, backupCodesRemaining: 0, enrolmentRequired: true },
    });
    http.expectOne('/api/auth/login').flush(anAuthenticatedResponse(mustEnrol));
    await fixture.whenStable();
    expect(navigate).toHaveBeenCalledWith('/profile/two-factor/enable');
  });
});

describe('safeReturnUrl', () => {
  it('only returns to paths of this site', () => {
    expect(safeReturnUrl('/clients/c1')).toBe('/clients/c1');
    expect(safeReturnUrl(undefined)).toBe('/');
    expect(safeReturnUrl('https://evil.test/')).toBe('/');
    expect(safeReturnUrl('//evil.test/')).toBe('/');
    expect(safeReturnUrl('/\\evil.test')).toBe('/');
    expect(safeReturnUrl('/sign-in')).toBe('/');
  });
});
