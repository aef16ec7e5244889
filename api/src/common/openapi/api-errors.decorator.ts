import { applyDecorators } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import { ERROR_STATUS, ErrorCode } from '@practice-cloud/contracts';
import { STATUS_CODES } from 'node:http';

/** A code, or a code with the status it answers with on this route (INVALID_TWO_FACTOR_CODE is 401 at login). */
export type DocumentedError = ErrorCode | readonly [ErrorCode, number];

/** The contract's error body, `{ statusCode, error, code, message }`, with the codes a response may carry. */
export function errorSchema(status: number, codes: readonly ErrorCode[]) {
  return {
    type: 'object',
    required: ['statusCode', 'error', 'code', 'message'],
    properties: {
      statusCode: { type: 'integer', enum: [status] },
      error: { type: 'string', example: STATUS_CODES[status] },
      code: { type: 'string', enum: [...codes] },
      message: { type: 'string' },
      ...(codes.includes(ErrorCode.VALIDATION_FAILED)
        ? {
            errors: {
              type: 'array',
              items: {
                type: 'object',
                properties: { field: { type: 'string' }, messages: { type: 'array', items: { type: 'string' } } },
              },
            },
          }
        : {}),
    },
  };
}

/** Documents the error answers of a route, grouped by status, in the contract's shape. */
export function ApiErrors(...errors: DocumentedError[]): MethodDecorator & ClassDecorator {
  const byStatus = new Map<number, ErrorCode[]>();
  for (const entry of errors) {
    const [code, status] = typeof entry === 'string' ? [entry, ERROR_STATUS[entry]] : entry;
    byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
  }
  return applyDecorators(
    ...[...byStatus].map(([status, codes]) =>
      ApiResponse({
        status,
        description: codes.join(', ') + (status === 429 ? ' (the `Retry-After` header says for how long)' : ''),
        schema: errorSchema(status, codes),
        ...(status === 429 ? { headers: { 'Retry-After': { description: 'Seconds to wait', schema: { type: 'integer' } } } } : {}),
      }),
    ),
  );
}
