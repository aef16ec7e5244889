/**
 * How a typed code is read, the same way on both sides: people paste codes with spaces (including non-breaking
 * ones) and hyphens, so those are ignored before the strict check.
 */
const TOTP_SEPARATORS = /[\s\u00a0\u202f]/g;

/** Returns the 6 ASCII digits of a TOTP code as typed, or null when it is not one. One hyphen in the middle is allowed. */
export function normaliseTotpCode(input: string): string | null {
  const compact = input.replace(TOTP_SEPARATORS, '');
  const withoutHyphen = /^\d{3}-\d{3}$/.test(compact) ? compact.replace('-', '') : compact;
  return /^[0-9]{6}$/.test(withoutHyphen) ? withoutHyphen : null;
}

/** Backup codes: case, spaces and hyphens are ignored. */
export function normaliseBackupCode(input: string): string {
  return input.replace(/[\s\u00a0\u202f-]/g, '').toUpperCase();
}
