import { NAME_MAX_LENGTH, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@practice-cloud/contracts';

// The lengths live in the contracts, so that the portal's forms check the same ones.
export { NAME_MAX_LENGTH, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH };

/** Why a new password (set by an administrator, an operator or its owner) is refused, or null. */
export function passwordProblem(password: string, field = 'password'): string | null {
  if (password.length < PASSWORD_MIN_LENGTH) return `${field} must be at least ${PASSWORD_MIN_LENGTH} characters`;
  if (password.length > PASSWORD_MAX_LENGTH) return `${field} must be at most ${PASSWORD_MAX_LENGTH} characters`;
  if (new Set(password).size < 5) return `${field} is too easy to guess`;
  return null;
}

/**
 * Emails are matched case-insensitively and by what they look like: stored trimmed, NFC-normalised (so `ü` typed as
 * one character or as `u` plus a combining mark is one address) and lower-cased. Sign-in looks up the same form.
 */
export const canonicalEmail = (email: string) => email.trim().normalize('NFC').toLowerCase();

/**
 * Control characters and the Unicode bidirectional controls (LRE…RLO, LRI…PDI, LRM, RLM, ALM): invisible, and able
 * to reorder what other people see of a name in the members list.
 */
const UNSAFE_NAME_CLASS = '\\p{Cc}\\u061C\\u200E\\u200F\\u202A-\\u202E\\u2066-\\u2069';
export const UNSAFE_NAME_CHARACTERS = new RegExp(`[${UNSAFE_NAME_CLASS}]`, 'u');
/** The same rule as a whole-string pattern, for validators that only take "must match". */
export const SAFE_NAME_PATTERN = new RegExp(`^[^${UNSAFE_NAME_CLASS}]*$`, 'u');
/** Text other people will read that did not come through a validator (a browser's User-Agent), made safe to show. */
export const withoutUnsafeCharacters = (text: string) => text.replace(new RegExp(`[${UNSAFE_NAME_CLASS}]`, 'gu'), '');

/** Why a first or last name is refused, or null. */
export function nameProblem(field: string, name: string): string | null {
  if (!/\S/.test(name)) return `${field} must not be blank`;
  if (name.trim().length > NAME_MAX_LENGTH) return `${field} must be at most ${NAME_MAX_LENGTH} characters`;
  if (UNSAFE_NAME_CHARACTERS.test(name)) return `${field} must not contain control or text-direction characters`;
  return null;
}
