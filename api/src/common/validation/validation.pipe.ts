import { type ArgumentMetadata, ValidationPipe, type ValidationError } from '@nestjs/common';
import type { FieldError } from '@practice-cloud/contracts';
import { IS_BOOLEAN, IS_DEFINED, IS_EMAIL, IS_ENUM, IS_IN, IS_STRING, IS_UUID } from 'class-validator';
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
    exceptionFactory: (errors) => validationFailed(fieldErrorsOf(errors)),
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

/** Enough to mend any request of the contract; a body of thousands of unknown keys gets a short answer, not a long one. */
export const MAX_LISTED_ERRORS = 20;

export function validationFailed(errors: FieldError[]): DomainException {
  const listed = errors.slice(0, MAX_LISTED_ERRORS);
  const message =
    listed.length < errors.length
      ? `The request is not valid (the first ${listed.length} of ${errors.length} problems are listed).`
      : 'The request is not valid.';
  return new DomainException('VALIDATION_FAILED', message, { errors: listed });
}

/**
 * The rules that say what kind of value a field takes. A value of the wrong kind (a number for a string, nothing at
 * all) breaks every other rule of its field too, and "must be shorter than 256 characters" would only mislead:
 * then the kind is the one message.
 */
const KIND_RULES = [IS_DEFINED, IS_STRING, IS_BOOLEAN, IS_EMAIL, IS_IN, IS_ENUM, IS_UUID];

function messagesOf(constraints: Record<string, string>): string[] {
  const kind = KIND_RULES.find((rule) => rule in constraints);
  return kind ? [constraints[kind]] : Object.values(constraints);
}

/** class-validator's errors as the contract's field list, nested fields with dotted names. */
export function fieldErrorsOf(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = error.constraints ? [{ field, messages: messagesOf(error.constraints) }] : [];
    return [...own, ...fieldErrorsOf(error.children ?? [], field)];
  });
}
