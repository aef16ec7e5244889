/**
 * Builds the otpauth:// URI of Google's Key URI format by hand, because authenticator apps are strict about it:
 * issuer and account are percent-encoded exactly once (every reserved character, including ' ( ) * !), the issuer
 * carries no colon (apps split the label on it), the issuer appears both as the label's prefix and as `issuer=`,
 * and the Base32 secret has no padding.
 */
export function otpauthUri(input: { issuer: string; account: string; secret: string }): string {
  const issuer = safeIssuer(input.issuer);
  const secret = input.secret.replace(/=+$/, '').toUpperCase();
  const label = `${encode(issuer)}:${encode(input.account)}`;
  const query = [`secret=${secret}`, `issuer=${encode(issuer)}`, 'algorithm=SHA1', 'digits=6', 'period=30'].join('&');
  return `otpauth://totp/${label}?${query}`;
}

/** Colons would split the label; collapse what is left so "Smith & Co: Audit" reads "Smith & Co Audit". */
export function safeIssuer(issuer: string): string {
  return issuer.replace(/:/g, ' ').replace(/\s+/g, ' ').trim();
}

function encode(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}
