/**
 * The rules for what people type, shared by the API's validation and the portal's forms, so that one change
 * changes both. Plain values only: this file is imported by Nest and by Angular.
 */

/** Passwords that administrators and operators set for new accounts. */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;

/** A member's first or last name, after trimming. */
export const NAME_MAX_LENGTH = 100;

/** A client file's name. */
export const CLIENT_NAME_MAX_LENGTH = 200;

/** A client code: the practice's own short reference. */
export const CLIENT_CODE_MAX_LENGTH = 32;
const CLIENT_CODE = `[A-Za-z0-9][A-Za-z0-9._-]{0,${CLIENT_CODE_MAX_LENGTH - 1}}`;
/** The code as stored: a letter or digit, then letters, digits, dots, hyphens or underscores. */
export const CLIENT_CODE_PATTERN = new RegExp(`^${CLIENT_CODE}$`);
/** The code as typed: spaces around it are allowed, and trimmed before it is stored. */
export const CLIENT_CODE_INPUT_PATTERN = new RegExp(`^\\s*${CLIENT_CODE}\\s*$`);
