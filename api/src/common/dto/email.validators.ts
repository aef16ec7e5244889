import { applyDecorators } from '@nestjs/common';
import { isEmail, IsEmail, maxLength, MaxLength } from 'class-validator';

export const EMAIL_MAX_LENGTH = 254;

/**
 * An email as the API takes it (sign-in, Add member): class-validator's isEmail on the text as sent, spaces and all,
 * and at most 254 characters. The operators' CLI asks the same of `--admin-email` through isEmailAddress below, so
 * that an address the CLI stores can be typed at sign-in.
 */
export const IsEmailAddress = () =>
  applyDecorators(IsEmail(undefined, { message: 'email must be an email address' }), MaxLength(EMAIL_MAX_LENGTH));

export const isEmailAddress = (text: string) => isEmail(text) && maxLength(text, EMAIL_MAX_LENGTH);
