import { ERROR_STATUS, type ErrorCode, type FieldError } from '@practice-cloud/contracts';

interface DomainExceptionOptions {
  /** Overrides the code's usual status where the contract gives it two (INVALID_TWO_FACTOR_CODE). */
  status?: number;
  errors?: FieldError[];
  retryAfterSeconds?: number;
}

/** A rule of the domain said no. The API exception filter turns it into the contract's error body. */
export class DomainException extends Error {
  override readonly name = 'DomainException';
  readonly status: number;
  readonly errors?: FieldError[];
  readonly retryAfterSeconds?: number;

  constructor(
    readonly code: ErrorCode,
    message: string,
    options: DomainExceptionOptions = {},
  ) {
    super(message);
    this.status = options.status ?? ERROR_STATUS[code];
    this.errors = options.errors;
    this.retryAfterSeconds = options.retryAfterSeconds;
  }
}

export const notFound = (what = 'Resource') => new DomainException('NOT_FOUND', `${what} not found.`);
