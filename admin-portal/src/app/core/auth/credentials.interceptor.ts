import type { HttpInterceptorFn } from '@angular/common/http';
import { inject } from '@angular/core';
import { SessionStore } from './session.store';

/** Only our own API gets the access token: never a third-party URL that a template might one day point at. */
function isApiRequest(url: string): boolean {
  return url.startsWith('/api/');
}

/**
 * Sends the access token as `Authorization: Bearer` to the API, with credentials so that the HttpOnly
 * `trusted_device` cookie (Path=/api/auth) travels with the sign-in requests.
 */
export const credentialsInterceptor: HttpInterceptorFn = (req, next) => {
  if (!isApiRequest(req.url)) {
    return next(req);
  }
  const token = inject(SessionStore).accessToken();
  return next(
    req.clone({
      withCredentials: true,
      setHeaders: token ? { Authorization: `Bearer ${token}` } : {},
    }),
  );
};
