import { HttpErrorResponse, HttpHeaders } from '@angular/common/http';
import { ApiError, asApiError, parseRetryAfter, toApiError } from './api-error';
import { formatWait, messageFor } from './error-messages';

function httpError(status: number, error: unknown, headers: Record<string, string> = {}): HttpErrorResponse {
  return new HttpErrorResponse({ status, error, headers: new HttpHeaders(headers), url: '/api/x' });
}

describe('toApiError', () => {
  it('reads the contract error body', () => {
    const error = toApiError(
      httpError(401, {
        statusCode: 401,
        error: 'Unauthorized',
        code: 'INVALID_TWO_FACTOR_CODE',
        message: 'Invalid code',
      }),
    );
    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(401);
    expect(error.code).toBe('INVALID_TWO_FACTOR_CODE');
    expect(error.userMessage).toContain('That code did not work');
  });

  it('keeps the field errors of VALIDATION_FAILED', () => {
    const error = toApiError(
      httpError(400, {
        statusCode: 400,
        error: 'Bad Request',
        code: 'VALIDATION_FAILED',
        message: 'Validation failed',
        errors: [{ field: 'email', messages: ['email must be an email'] }, { field: 3 }],
      }),
    );
    expect(error.messagesFor('email')).toEqual(['email must be an email']);
    expect(error.fieldErrors).toHaveLength(1);
  });

  it('puts the Retry-After wait into the TOO_MANY_ATTEMPTS message', () => {
    const error = toApiError(
      httpError(429, { statusCode: 429, code: 'TOO_MANY_ATTEMPTS', message: 'x', error: 'Too Many Requests' }, {
        'Retry-After': '120',
      }),
    );
    expect(error.retryAfterSeconds).toBe(120);
    expect(error.userMessage).toBe('Too many attempts. Please wait 2 minutes and try again.');
  });

  it('falls back to the HTTP status for bodies without a known code', () => {
    expect(toApiError(httpError(0, new ProgressEvent('error'))).code).toBe('NETWORK_ERROR');
    expect(toApiError(httpError(500, 'Internal Server Error')).code).toBe('INTERNAL_ERROR');
    expect(toApiError(httpError(503, null)).code).toBe('SERVICE_UNAVAILABLE');
    expect(toApiError(httpError(401, { code: 'SOMETHING_NEW' })).code).toBe('UNAUTHENTICATED');
    expect(toApiError(httpError(418, null)).code).toBe('UNKNOWN_ERROR');
  });

  it('parses a JSON body that arrived as text', () => {
    const error = toApiError(httpError(409, JSON.stringify({ code: 'CLIENT_CODE_TAKEN' })));
    expect(error.code).toBe('CLIENT_CODE_TAKEN');
  });
});

describe('parseRetryAfter', () => {
  it('reads delay-seconds and HTTP dates', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(parseRetryAfter('30', now)).toBe(30);
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:01:30 GMT', now)).toBe(90);
    expect(parseRetryAfter('Wed, 31 Dec 2025 00:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter(null, now)).toBeNull();
    expect(parseRetryAfter('soon', now)).toBeNull();
  });
});

describe('asApiError', () => {
  it('turns anything into an ApiError', () => {
    const existing = new ApiError(404, 'NOT_FOUND', 'gone');
    expect(asApiError(existing)).toBe(existing);
    expect(asApiError(httpError(403, { code: 'FORBIDDEN' })).code).toBe('FORBIDDEN');
    expect(asApiError(new Error('boom')).code).toBe('UNKNOWN_ERROR');
  });
});

describe('messages', () => {
  it('formats waits for people', () => {
    expect(formatWait(1)).toBe('1 second');
    expect(formatWait(45)).toBe('45 seconds');
    expect(formatWait(60)).toBe('1 minute');
    expect(formatWait(61)).toBe('2 minutes');
    expect(formatWait(3600)).toBe('1 hour');
    expect(formatWait(7200)).toBe('2 hours');
  });

  it('has clear words for the sign-in errors', () => {
    // One code for both causes, so the words name both: a sign-in left too long, and one ended by 5 wrong codes.
    expect(messageFor('CHALLENGE_EXPIRED')).toBe(
      'This sign-in has ended: it expired, or too many wrong codes were entered. Please enter your email and password again.',
    );
    expect(messageFor('TWO_FACTOR_ENROLMENT_REQUIRED')).toMatch(/^Unauthorised/);
    expect(messageFor('TOO_MANY_ATTEMPTS')).toContain('Too many attempts');
  });
});
