import { HttpErrorResponse } from '@angular/common/http';
import { ErrorCode, type FieldError } from '@practice-cloud/contracts';
import { ClientErrorCode, messageFor, type PortalErrorCode } from './error-messages';

const KNOWN_CODES = new Set<string>([...Object.values(ErrorCode), ...Object.values(ClientErrorCode)]);

/** An API failure as the portal's components see it: a code to branch on and words to show. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: PortalErrorCode,
    /** What the user is shown for this failure. */
    readonly userMessage: string,
    readonly fieldErrors: readonly FieldError[] = [],
    /** From the `Retry-After` header of a 429, in seconds. */
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(userMessage);
    this.name = 'ApiError';
  }

  is(...codes: PortalErrorCode[]): boolean {
    return codes.includes(this.code);
  }

  /** The API's messages for one field of a VALIDATION_FAILED answer. */
  messagesFor(field: string): string[] {
    return this.fieldErrors.find((e) => e.field === field)?.messages ?? [];
  }
}

/** `Retry-After` is either delay-seconds or an HTTP date (RFC 9110 §10.2.3). */
export function parseRetryAfter(value: string | null, now: number = Date.now()): number | null {
  if (value === null || value.trim() === '') {
    return null;
  }
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) {
    return Number(trimmed);
  }
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? null : Math.max(0, Math.ceil((date - now) / 1000));
}

function codeFromStatus(status: number): PortalErrorCode {
  switch (status) {
    case 0:
      return ClientErrorCode.NETWORK_ERROR;
    case 401:
      return ErrorCode.UNAUTHENTICATED;
    case 403:
      return ErrorCode.FORBIDDEN;
    case 404:
      return ErrorCode.NOT_FOUND;
    case 413:
      return ErrorCode.PAYLOAD_TOO_LARGE;
    case 429:
      return ErrorCode.TOO_MANY_ATTEMPTS;
    case 502:
    case 503:
    case 504:
      return ErrorCode.SERVICE_UNAVAILABLE;
    default:
      return status >= 500 ? ErrorCode.INTERNAL_ERROR : ClientErrorCode.UNKNOWN_ERROR;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function parseBody(body: unknown): Record<string, unknown> | null {
  if (isRecord(body)) {
    return body;
  }
  if (typeof body === 'string') {
    try {
      const parsed: unknown = JSON.parse(body);
      return isRecord(parsed) ? parsed : null;
    } catch {
      return null;
    }
  }
  return null;
}

function parseFieldErrors(value: unknown): FieldError[] {
  if (!Array.isArray(value)) {
    return [];
  }
  return value.flatMap((entry: unknown) => {
    if (!isRecord(entry) || typeof entry['field'] !== 'string' || !Array.isArray(entry['messages'])) {
      return [];
    }
    const messages = entry['messages'].filter((m): m is string => typeof m === 'string');
    return [{ field: entry['field'], messages }];
  });
}

/** Reads the contract's error body (`{ statusCode, error, code, message, errors? }`) into an ApiError. */
export function toApiError(response: HttpErrorResponse, now: number = Date.now()): ApiError {
  const body = parseBody(response.error);
  const rawCode = body?.['code'];
  const code: PortalErrorCode =
    typeof rawCode === 'string' && KNOWN_CODES.has(rawCode) ? (rawCode as PortalErrorCode) : codeFromStatus(response.status);
  const retryAfterSeconds = parseRetryAfter(response.headers?.get('Retry-After') ?? null, now);
  return new ApiError(
    response.status,
    code,
    messageFor(code, retryAfterSeconds),
    parseFieldErrors(body?.['errors']),
    retryAfterSeconds,
  );
}

/** Anything a subscription's error callback receives, as an ApiError. */
export function asApiError(error: unknown): ApiError {
  if (error instanceof ApiError) {
    return error;
  }
  if (error instanceof HttpErrorResponse) {
    return toApiError(error);
  }
  return new ApiError(0, ClientErrorCode.UNKNOWN_ERROR, messageFor(ClientErrorCode.UNKNOWN_ERROR));
}
