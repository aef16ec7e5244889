import { normaliseBackupCode } from '@practice-cloud/contracts';
import { randomInt } from 'node:crypto';

export const BACKUP_CODES_PER_SET = 10;
/** Crockford's Base32 alphabet: no I, L, O or U to mistake for 1, 0 or V when read off paper. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
/** 16 symbols of 5 bits: 80 bits of randomness per code. */
const SYMBOLS = 16;

/** A fresh backup code, shown in groups of four: `7K2M-Q9TX-4HRD-PW3C`. */
export function newBackupCode(): string {
  const symbols = Array.from({ length: SYMBOLS }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
  return symbols.match(/.{4}/g)!.join('-');
}

export function newBackupCodeSet(): string[] {
  return Array.from({ length: BACKUP_CODES_PER_SET }, newBackupCode);
}

/** What gets hashed and compared: case, spaces and hyphens do not matter. */
export const canonicalBackupCode = normaliseBackupCode;

/** A typed code that cannot be one of ours is rejected before any slow hash is computed. */
export function looksLikeBackupCode(input: string): boolean {
  const canonical = canonicalBackupCode(input);
  return canonical.length === SYMBOLS && [...canonical].every((c) => ALPHABET.includes(c));
}
