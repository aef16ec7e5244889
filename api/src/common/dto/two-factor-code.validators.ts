import { normaliseTotpCode } from '@practice-cloud/contracts';
import { IsString, MaxLength, ValidateBy } from 'class-validator';
import { applyDecorators } from '@nestjs/common';

/** The OpenAPI description of such a code. */
export const TOTP_CODE_PROPERTY = {
  type: String,
  example: '123 456',
  description: 'A JSON string: 6 digits; spaces and one hyphen in the middle are ignored. A JSON number is rejected.',
};

/**
 * A TOTP code as the contract reads it: a JSON string whose digits, once spaces and one middle hyphen are
 * ignored, are exactly 6 ASCII digits. A JSON number fails here, before any code is checked.
 */
export const IsTotpCode = () =>
  applyDecorators(
    IsString({ message: 'code must be a string of 6 digits' }),
    MaxLength(32),
    ValidateBy({
      name: 'isTotpCode',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && normaliseTotpCode(value) !== null,
        defaultMessage: () => 'code must be 6 digits',
      },
    }),
  );
