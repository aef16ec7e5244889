import { inject } from '@angular/core';
import { type CanActivateFn, Router } from '@angular/router';
import { ENABLE_TWO_FACTOR_URL, SIGN_IN_URL } from '../api/error.interceptor';
import { AuthService } from './auth.service';

// Each guard injects what it needs before its first `await`: inject() only works synchronously.

/** Signed-in users only; the rest go to sign-in and come back to where they were going. */
export const authGuard: CanActivateFn = async (_route, state) => {
  const router = inject(Router);
  const profile = await inject(AuthService).ensureProfile();
  if (profile) {
    return true;
  }
  const queryParams = state.url && state.url !== '/' ? { returnUrl: state.url } : {};
  return router.createUrlTree([SIGN_IN_URL], { queryParams });
};

/** The sign-in page is for signed-out visitors; a signed-in user goes home. */
export const guestGuard: CanActivateFn = async () => {
  const router = inject(Router);
  const profile = await inject(AuthService).ensureProfile();
  return profile ? router.createUrlTree(['/']) : true;
};

/** Practice Settings: administrators only. */
export const adminGuard: CanActivateFn = async () => {
  const router = inject(Router);
  const profile = await inject(AuthService).ensureProfile();
  if (!profile) {
    return router.createUrlTree([SIGN_IN_URL]);
  }
  return profile.role === 'ADMIN' ? true : router.createUrlTree(['/']);
};

/**
 * Client files: closed while the practice requires 2FA and the user has not enabled it. The API would answer 401
 * TWO_FACTOR_ENROLMENT_REQUIRED; going to the enable flow first saves the round trip.
 */
export const twoFactorCompliantGuard: CanActivateFn = async () => {
  const router = inject(Router);
  const profile = await inject(AuthService).ensureProfile();
  if (profile?.twoFactor.enrolmentRequired) {
    return router.createUrlTree([ENABLE_TWO_FACTOR_URL]);
  }
  return true;
};
