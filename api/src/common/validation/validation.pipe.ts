import { type ArgumentMetadata, ValidationPipe, type ValidationError } from '@nestjs/common';
import type { FieldError } from '@practice-cloud/contracts';
import { DomainException } from '../errors/domain.exception.js';

/**
 * Validates every body, query and path parameter against its DTO. Unknown fields are rejected, nothing is coerced
 * (a TOTP code sent as a JSON number is an error, not a string), and failures carry the contract's field list.
 */
export function createValidationPipe(): ValidationPipe {
  return new StrictValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: false,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => validationFailed(flatten(errors)),
  });
}

/**
 * JSON.parse keeps `"__proto__"` and `"constructor"` as own keys, but class-transformer drops them silently, so
 * the whitelist never sees them. They are unknown fields like any other: rejected, not ignored.
 */
const KEYS_THE_TRANSFORMER_DROPS = ['__proto__', 'constructor', 'prototype'];

export function droppedKeyErrors(body: unknown): FieldError[] {
  if (typeof body !== 'object' || body === null) return [];
  return KEYS_THE_TRANSFORMER_DROPS.filter((key) => Object.hasOwn(body, key)).map((field) => ({
    field,
    messages: [`property ${field} should not exist`],
  }));
}

class StrictValidationPipe extends ValidationPipe {
  override transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const errors = metadata.type === 'body' ? droppedKeyErrors(value) : [];
    if (errors.length > 0) throw validationFailed(errors);
    return super.transform(value, metadata);
  }
}

export function validationFailed(errors: FieldError[]): DomainException {
  return new DomainException('VALIDATION_FAILED', 'The request is not valid.', { errors });
}

function flatten(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = error.constraints ? [{ field, messages: Object.values(error.constraints) }] : [];
    return [...own, ...flatten(error.children ?? [], field)];
  });
}
