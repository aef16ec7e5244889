/**
 * What never reaches the log: credentials in headers and cookies, and any field that carries a password, a code,
 * a backup code, a token, a secret or the encryption key, at the top of a logged object or one level down.
 * Bodies are not logged at all; these paths also catch an object someone logs by hand.
 */
const SECRET_FIELDS = [
  'password',
  'currentPassword',
  'newPassword',
  // A bare `code` is left alone: error codes (ECONNREFUSED, TOO_MANY_ATTEMPTS) are what operators search for.
  'totpCode',
  'backupCode',
  'backupCodes',
  'secret',
  'otpauthUrl',
  'qrCodeDataUrl',
  'token',
  'accessToken',
  'challengeToken',
  'trustedDeviceToken',
  'dataEncryptionKey',
  'body',
];

export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  ...SECRET_FIELDS,
  ...SECRET_FIELDS.map((field) => `*.${field}`),
];
