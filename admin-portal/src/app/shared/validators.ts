import { Injectable, type Provider } from '@angular/core';
import type { AbstractControl, FormGroupDirective, NgForm, ValidationErrors, ValidatorFn } from '@angular/forms';
import { ErrorStateMatcher } from '@angular/material/core';
import { normaliseTotpCode } from '@practice-cloud/contracts';

/**
 * Required, where only spaces count as empty too: the portal trims what it sends, and the API refuses a blank name.
 * The error is `required`, so the field says "Enter …" rather than showing the API's words.
 */
export const requiredText: ValidatorFn = (control: AbstractControl<string | null>): ValidationErrors | null =>
  (control.value ?? '').trim() === '' ? { required: true } : null;

/**
 * At most `max` characters once trimmed, which is what the portal sends. The error has the shape of Angular's
 * `maxlength`, `{ requiredLength, actualLength }`, so the message can say how long the value is.
 *
 * Forms use this instead of the `maxlength` attribute, which makes the browser cut pasted text at the limit without a
 * word: the whole text stays in the field, and the field says it is too long.
 */
export function maxTextLength(max: number): ValidatorFn {
  return (control: AbstractControl<string | null>): ValidationErrors | null => {
    const actualLength = (control.value ?? '').trim().length;
    return actualLength > max ? { maxlength: { requiredLength: max, actualLength } } : null;
  };
}

/**
 * When a field shows its error. As Material does (once the field is left or the form submitted), except that a value
 * over the length limit says so at once: pasting 380 characters into a 200-character field is told straight away.
 */
@Injectable()
export class PortalErrorStateMatcher implements ErrorStateMatcher {
  isErrorState(control: AbstractControl | null, form: FormGroupDirective | NgForm | null): boolean {
    if (!control?.invalid) {
      return false;
    }
    return control.touched || (form?.submitted ?? false) || control.hasError('maxlength');
  }
}

/** For the application's and the specs' providers. */
export function provideFormErrors(): Provider {
  return { provide: ErrorStateMatcher, useClass: PortalErrorStateMatcher };
}

/** A 6-digit code as typed: spaces and one hyphen in the middle are fine, exactly as the API reads it. */
export const totpCodeValidator: ValidatorFn = (control: AbstractControl<string>): ValidationErrors | null => {
  const value = control.value ?? '';
  if (value.trim() === '') {
    return null; // `required` reports an empty field.
  }
  return normaliseTotpCode(value) === null ? { totpCode: true } : null;
};

/** Puts the API's message on a field, where mat-error shows it, until the user edits the field again. */
export function setServerError(control: AbstractControl, message: string): void {
  control.setErrors({ ...(control.errors ?? {}), server: message });
  control.markAsTouched();
}
