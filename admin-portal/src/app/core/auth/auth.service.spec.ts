import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { firstValueFrom } from 'rxjs';
import { anAuthenticatedResponse, aProfile, MemoryStorage } from '../../../testing/fixtures';
import { AuthService } from './auth.service';
import { SESSION_STORAGE, SessionStore } from './session.store';

describe('AuthService', () => {
  let auth: AuthService;
  let session: SessionStore;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: SESSION_STORAGE, useValue: new MemoryStorage() },
      ],
    });
    auth = TestBed.inject(AuthService);
    session = TestBed.inject(SessionStore);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it('starts the session when the password step is enough', async () => {
    const result = firstValueFrom(auth.login({ email: 'a@b.test', password: 'pw' }));
    const req = http.expectOne('/api/auth/login');
    expect(req.request.method).toBe('POST');
    expect(req.request.body).toEqual({ email: 'a@b.test', password: 'pw' });
    req.flush(anAuthenticatedResponse());
    expect((await result).status).toBe('AUTHENTICATED');
    expect(session.accessToken()).toBe('access-token-1');
  });

  it('does not start a session when a code is required', async () => {
    const result = firstValueFrom(auth.login({ email: 'a@b.test', password: 'pw' }));
    http
      .expectOne('/api/auth/login')
      .flush({ status: 'TWO_FACTOR_REQUIRED', challengeToken: 'ch', expiresAt: '2030-01-01T00:00:00Z' });
    expect((await result).status).toBe('TWO_FACTOR_REQUIRED');
    expect(session.isSignedIn()).toBe(false);
  });

  it('sends the code, and rememberDevice only when ticked', async () => {
    const first = firstValueFrom(auth.completeTwoFactor('ch', { code: '123456' }, false));
    const req1 = http.expectOne('/api/auth/login/two-factor');
    expect(req1.request.body).toEqual({ challengeToken: 'ch', code: '123456' });
    req1.flush(anAuthenticatedResponse());
    await first;
    expect(session.isSignedIn()).toBe(true);

    const second = firstValueFrom(auth.completeTwoFactor('ch2', { backupCode: 'ABCD1234' }, true));
    const req2 = http.expectOne('/api/auth/login/two-factor');
    expect(req2.request.body).toEqual({ challengeToken: 'ch2', backupCode: 'ABCD1234', rememberDevice: true });
    req2.flush(anAuthenticatedResponse());
    await second;
  });

  it('ends the local session on logout even when the API cannot be reached', async () => {
    session.start(anAuthenticatedResponse());
    const done = firstValueFrom(auth.logout(), { defaultValue: undefined });
    http.expectOne('/api/auth/logout').flush(null, { status: 503, statusText: 'Unavailable' });
    await done;
    expect(session.isSignedIn()).toBe(false);
  });

  it('loads the profile of a restored session once', async () => {
    session.start(anAuthenticatedResponse());
    // Simulate a reload: a token but no profile yet.
    (session as unknown as { profile: { set(v: null): void } }).profile.set(null);
    const a = auth.ensureProfile();
    const b = auth.ensureProfile();
    http.expectOne('/api/profile').flush(aProfile({ firstName: 'Restored' }));
    expect((await a)?.firstName).toBe('Restored');
    expect((await b)?.firstName).toBe('Restored');
    expect(session.user()?.firstName).toBe('Restored');
  });

  it('answers null without a request when nobody is signed in', async () => {
    expect(await auth.ensureProfile()).toBeNull();
  });
});
