import type { AbstractControl, ValidationErrors, ValidatorFn } from '@angular/forms';
import { normaliseTotpCode } from '@practice-cloud/contracts';

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
