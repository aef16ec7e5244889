import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { ApiErrorBody, ErrorCode } from '@practice-cloud/contracts';
import type { Response } from 'express';
import { STATUS_CODES } from 'node:http';
import { DomainException } from './domain.exception.js';

/** Framework exceptions that reach us without a domain code get the contract code their status implies. */
const CODE_FOR_STATUS: Record<number, ErrorCode> = {
  400: 'VALIDATION_FAILED',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'NOT_FOUND',
  413: 'PAYLOAD_TOO_LARGE',
  429: 'TOO_MANY_ATTEMPTS',
  503: 'SERVICE_UNAVAILABLE',
};

/** The one place where any error becomes the contract's error body: `{ statusCode, error, code, message }`. */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('ApiExceptionFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const { body, retryAfterSeconds } = this.toErrorBody(exception);
    if (response.headersSent) return;
    if (retryAfterSeconds !== undefined) response.setHeader('Retry-After', String(retryAfterSeconds));
    response.status(body.statusCode).json(body);
  }

  toErrorBody(exception: unknown): { body: ApiErrorBody; retryAfterSeconds?: number } {
    if (exception instanceof DomainException) {
      return {
        body: errorBody(exception.status, exception.code, exception.message, exception.errors),
        retryAfterSeconds: exception.retryAfterSeconds,
      };
    }
    const status = httpStatusOf(exception);
    if (status === 503 && exception instanceof HttpException) {
      // The health check's answer: which dependency is down, in Terminus's shape, plus the contract's code.
      const details = exception.getResponse();
      const body = errorBody(503, 'SERVICE_UNAVAILABLE', 'A service this API depends on is unavailable.');
      return { body: { ...body, ...(typeof details === 'object' ? details : {}), statusCode: 503, code: 'SERVICE_UNAVAILABLE' } };
    }
    if (status === 415) {
      // body-parser's answer to JSON in a charset or encoding other than UTF-8; the contract answers 400 for every
      // body that is not JSON it can read.
      return { body: errorBody(400, 'VALIDATION_FAILED', unreadableBodyMessage(exception)) };
    }
    if (status !== undefined && status < 500) {
      const code = CODE_FOR_STATUS[status] ?? 'VALIDATION_FAILED';
      return { body: errorBody(status, code, clientMessage(status, exception)) };
    }
    this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    return { body: errorBody(500, 'INTERNAL_ERROR', 'Something went wrong on our side. Please try again.') };
  }
}

export function errorBody(
  statusCode: number,
  code: ErrorCode,
  message: string,
  errors?: ApiErrorBody['errors'],
): ApiErrorBody {
  return { statusCode, error: STATUS_CODES[statusCode] ?? 'Error', code, message, ...(errors ? { errors } : {}) };
}

/** Nest's HttpException, or the errors body-parser raises before Nest sees the request (they carry `status`). */
function httpStatusOf(exception: unknown): number | undefined {
  if (exception instanceof HttpException) return exception.getStatus();
  const status = (exception as { status?: unknown; statusCode?: unknown } | null)?.status;
  return typeof status === 'number' && status >= 400 && status < 600 ? status : undefined;
}

function clientMessage(status: number, exception: unknown): string {
  switch (status) {
    case 400:
      if (bodyParserErrorType(exception) !== 'entity.parse.failed') return 'The request is malformed.';
      // The strict parser also refuses valid JSON that is not an object or array (`null`, `"x"`, `42`).
      return isJson(bodyParserRawBody(exception)) ? 'The request body must be a JSON object.' : 'The request body is not valid JSON.';
    case 404:
      return 'Not found.';
    case 413:
      return 'The request body is too large.';
    case 429:
      return 'Too many attempts. Try again later.';
    default:
      return exception instanceof HttpException ? exception.message : (STATUS_CODES[status] ?? 'Error');
  }
}

function unreadableBodyMessage(exception: unknown): string {
  const { charset, cause } = (exception ?? {}) as { charset?: unknown; cause?: { charset?: unknown } };
  const named = charset ?? cause?.charset;
  return typeof named === 'string'
    ? `The request body must be JSON in UTF-8, not ${named}.`
    : 'The request body must be JSON in UTF-8, without a content encoding.';
}

/** body-parser's error type, whether it reaches us raw or wrapped by Nest's Express adapter (as `cause`). */
function bodyParserErrorType(exception: unknown): string | undefined {
  const error = exception as { type?: unknown; cause?: { type?: unknown } } | null;
  const type = error?.type ?? error?.cause?.type;
  return typeof type === 'string' ? type : undefined;
}

function bodyParserRawBody(exception: unknown): unknown {
  const error = exception as { body?: unknown; cause?: { body?: unknown } } | null;
  return error?.body ?? error?.cause?.body;
}

function isJson(text: unknown): boolean {
  if (typeof text !== 'string') return false;
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}
