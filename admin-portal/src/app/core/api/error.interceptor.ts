import { HttpErrorResponse, type HttpInterceptorFn } from '@angular/common/http';
import { inject } from '@angular/core';
import { MatDialog } from '@angular/material/dialog';
import { Router } from '@angular/router';
import { ErrorCode } from '@practice-cloud/contracts';
import { catchError, throwError } from 'rxjs';
import { SessionStore } from '../auth/session.store';
import { Notifier } from '../ui/notifier';
import { toApiError } from './api-error';

export const ENABLE_TWO_FACTOR_URL = '/profile/two-factor/enable';
export const SIGN_IN_URL = '/sign-in';

/**
 * The one place where the API's error codes become what the user sees. Every failed request reaches its caller as
 * an ApiError with a `userMessage`; two codes also change where the user is:
 *
 * - UNAUTHENTICATED ends the session, closes any open dialog and goes to sign-in (back here afterwards).
 * - TWO_FACTOR_ENROLMENT_REQUIRED is not "signed out": the session stays, and the user goes to the enable flow.
 */
export const errorInterceptor: HttpInterceptorFn = (req, next) => {
  const session = inject(SessionStore);
  const router = inject(Router);
  const notifier = inject(Notifier);
  const dialog = inject(MatDialog);

  return next(req).pipe(
    catchError((failure: unknown) => {
      if (!(failure instanceof HttpErrorResponse)) {
        return throwError(() => failure);
      }
      const error = toApiError(failure);

      if (error.code === ErrorCode.UNAUTHENTICATED && session.isSignedIn()) {
        session.clear();
        // A dialog (Add client, say) sits above the page in an overlay: left open, it would cover the sign-in page
        // and block it, and its own requests would only fail again.
        dialog.closeAll();
        const returnUrl = router.url.startsWith(SIGN_IN_URL) ? undefined : router.url;
        notifier.infoAfter(
          router.navigate([SIGN_IN_URL], { queryParams: returnUrl && returnUrl !== '/' ? { returnUrl } : {} }),
          error.userMessage,
        );
      } else if (error.code === ErrorCode.TWO_FACTOR_ENROLMENT_REQUIRED) {
        session.markEnrolmentRequired();
        if (!router.url.startsWith(ENABLE_TWO_FACTOR_URL)) {
          void router.navigateByUrl(ENABLE_TWO_FACTOR_URL);
        }
      }
      return throwError(() => error);
    }),
  );
};
