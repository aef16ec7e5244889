import { ErrorCode } from '@practice-cloud/contracts';

/** Codes the portal adds for failures that never reached the API, so every failure has one. */
export const ClientErrorCode = {
  NETWORK_ERROR: 'NETWORK_ERROR',
  UNKNOWN_ERROR: 'UNKNOWN_ERROR',
} as const;
export type ClientErrorCode = (typeof ClientErrorCode)[keyof typeof ClientErrorCode];

export type PortalErrorCode = ErrorCode | ClientErrorCode;

/** "45 seconds", "1 minute", "5 minutes", "2 hours": how long the user must wait, rounded up for minutes and hours. */
export function formatWait(seconds: number): string {
  const s = Math.max(1, Math.ceil(seconds));
  if (s < 60) {
    return s === 1 ? '1 second' : `${s} seconds`;
  }
  const minutes = Math.ceil(s / 60);
  if (minutes < 60) {
    return minutes === 1 ? '1 minute' : `${minutes} minutes`;
  }
  const hours = Math.ceil(minutes / 60);
  return hours === 1 ? '1 hour' : `${hours} hours`;
}

const MESSAGES: Record<PortalErrorCode, string> = {
  VALIDATION_FAILED: 'Some of the details are not valid. Check the highlighted fields and try again.',
  PAYLOAD_TOO_LARGE: 'That request was too large to send.',
  INVALID_CREDENTIALS: 'The email or password is incorrect.',
  INVALID_TWO_FACTOR_CODE:
    'That code did not work. Enter the current 6-digit code from your authenticator app; each code can be used once.',
  // The API says the same for a challenge past its 5 minutes and for one spent by 5 wrong codes, so the words name both.
  CHALLENGE_EXPIRED:
    'This sign-in has ended: it expired, or too many wrong codes were entered. Please enter your email and password again.',
  UNAUTHENTICATED: 'Your session has ended. Please sign in again.',
  TWO_FACTOR_ENROLMENT_REQUIRED:
    'Unauthorised: your practice requires two-factor authentication. Enable it to open client files.',
  FORBIDDEN: 'You do not have permission to do that. Ask a practice administrator.',
  NOT_FOUND: 'We could not find that. It may have been removed.',
  TWO_FACTOR_ALREADY_ENABLED: 'Two-factor authentication is already on for your account.',
  TWO_FACTOR_NOT_ENABLED: 'Two-factor authentication is not on for your account.',
  TWO_FACTOR_SETUP_NOT_STARTED: 'This setup has expired. Please start again from the first step.',
  TWO_FACTOR_SETUP_NOT_VERIFIED: 'Verify a code from your authenticator app before enabling two-factor authentication.',
  CLIENT_CODE_TAKEN: 'Another client file already uses this code.',
  EMAIL_TAKEN: 'Someone in Practice Cloud already uses this email address.',
  TWO_FACTOR_REQUIRED_BY_PRACTICE:
    'Your practice requires two-factor authentication, so it cannot be turned off. Ask an administrator if you need help.',
  ADMIN_TWO_FACTOR_REQUIRED:
    'Enable two-factor authentication on your own account before requiring it for the practice.',
  INVALID_PASSWORD: 'That password is incorrect.',
  TOO_MANY_ATTEMPTS: 'Too many attempts. Please wait a few minutes and try again.',
  SERVICE_UNAVAILABLE: 'Practice Cloud is temporarily unavailable. Please try again in a moment.',
  INTERNAL_ERROR: 'Something went wrong on our side. Please try again.',
  NETWORK_ERROR: 'We could not reach Practice Cloud. Check your connection and try again.',
  UNKNOWN_ERROR: 'Something went wrong. Please try again.',
};

/** Words for a backup code that did not work, where the generic "authenticator app" wording would mislead. */
export const BACKUP_CODE_REJECTED =
  'That backup code did not work. Check it against your saved list; each backup code can be used only once.';

/** What the user is shown for an error code. The wait time of TOO_MANY_ATTEMPTS comes from `Retry-After`. */
export function messageFor(code: PortalErrorCode, retryAfterSeconds: number | null = null): string {
  if (code === ErrorCode.TOO_MANY_ATTEMPTS && retryAfterSeconds !== null) {
    return `Too many attempts. Please wait ${formatWait(retryAfterSeconds)} and try again.`;
  }
  return MESSAGES[code] ?? MESSAGES.UNKNOWN_ERROR;
}
