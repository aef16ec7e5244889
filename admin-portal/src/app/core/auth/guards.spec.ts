import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import {
  type ActivatedRouteSnapshot,
  type CanActivateFn,
  type RouterStateSnapshot,
  UrlTree,
} from '@angular/router';
import { anAuthenticatedResponse, aProfile, portalTestProviders } from '../../../testing/fixtures';
import { adminGuard, authGuard, guestGuard, twoFactorCompliantGuard } from './guards';
import { SessionStore } from './session.store';

describe('guards', () => {
  let session: SessionStore;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [...portalTestProviders()],
    });
    session = TestBed.inject(SessionStore);
  });

  function run(guard: CanActivateFn, url = '/'): Promise<boolean | UrlTree> {
    return TestBed.runInInjectionContext(
      () =>
        guard({} as ActivatedRouteSnapshot, { url } as RouterStateSnapshot) as Promise<
          boolean | UrlTree
        >,
    );
  }

  function asUrl(result: boolean | UrlTree): string | boolean {
    return result instanceof UrlTree ? result.toString() : result;
  }

  it('authGuard sends signed-out visitors to sign-in with a return URL', async () => {
    expect(asUrl(await run(authGuard, '/clients/c1'))).toBe('/sign-in?returnUrl=%2Fclients%2Fc1');
    expect(asUrl(await run(authGuard, '/'))).toBe('/sign-in');
  });

  it('authGuard lets signed-in users through', async () => {
    session.start(anAuthenticatedResponse());
    expect(await run(authGuard)).toBe(true);
  });

  it('authGuard loads the profile after a reload and sends the user to sign-in if the session has ended', async () => {
    session.start(anAuthenticatedResponse());
    (session as unknown as { profile: { set(v: null): void } }).profile.set(null);
    const http = TestBed.inject(HttpTestingController);
    const result = run(authGuard, '/profile');
    http.expectOne('/api/profile').flush(aProfile());
    expect(await result).toBe(true);
  });

  it('guestGuard sends signed-in users home', async () => {
    expect(await run(guestGuard)).toBe(true);
    session.start(anAuthenticatedResponse());
    expect(asUrl(await run(guestGuard))).toBe('/');
  });

  it('adminGuard lets administrators only into Practice Settings', async () => {
    session.start(anAuthenticatedResponse(aProfile({ role: 'MEMBER' })));
    expect(asUrl(await run(adminGuard))).toBe('/');
    session.start(anAuthenticatedResponse(aProfile({ role: 'ADMIN' })));
    expect(await run(adminGuard)).toBe(true);
  });

  it('twoFactorCompliantGuard sends users who must enrol to the enable flow', async () => {
    const mustEnrol = aProfile({
      practice: { id: 'p1', name: 'P', requireTwoFactor: true },
      twoFactor: {
        enabled: false,
        enabledAt: null,
        backupCodesRemaining: 0,
        enrolmentRequired: true,
      },
    });
    session.start(anAuthenticatedResponse(mustEnrol));
    expect(asUrl(await run(twoFactorCompliantGuard))).toBe('/profile/two-factor/enable');
    session.start(anAuthenticatedResponse(aProfile()));
    expect(await run(twoFactorCompliantGuard)).toBe(true);
  });
});
