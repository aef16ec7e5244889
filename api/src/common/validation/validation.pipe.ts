import { ValidationPipe, type ValidationError } from '@nestjs/common';
import type { FieldError } from '@practice-cloud/contracts';
import { DomainException } from '../errors/domain.exception.js';

/**
 * Validates every body, query and path parameter against its DTO. Unknown fields are rejected, nothing is coerced
 * (a TOTP code sent as a JSON number is an error, not a string), and failures carry the contract's field list.
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: false,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => validationFailed(flatten(errors)),
  });
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
