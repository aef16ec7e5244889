import { describe, expect, it } from '@jest/globals';
import { otpauthUri, safeIssuer } from './otpauth-uri.js';

const SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';

describe('otpauthUri', () => {
  const uri = otpauthUri({ issuer: 'Smith & Co: Audit', account: "o'brien+tax@example.co.za", secret: SECRET });

  it('follows the Key URI format for a practice called "Smith & Co: Audit"', () => {
    expect(uri).toBe(
      "otpauth://totp/Smith%20%26%20Co%20Audit:o%27brien%2Btax%40example.co.za?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=Smith%20%26%20Co%20Audit&algorithm=SHA1&digits=6&period=30",
    );
  });

  it('encodes once: decoding the label gives back issuer and account exactly', () => {
    const label = uri.slice('otpauth://totp/'.length, uri.indexOf('?'));
    const [issuer, account, ...rest] = label.split(':');
    expect(rest).toHaveLength(0);
    expect(decodeURIComponent(issuer)).toBe('Smith & Co Audit');
    expect(decodeURIComponent(account)).toBe("o'brien+tax@example.co.za");
    expect(label).not.toMatch(/%25/);
  });

  it('names the issuer both in the label and as a parameter, without a colon', () => {
    const parsed = new URL(uri);
    expect(parsed.searchParams.get('issuer')).toBe('Smith & Co Audit');
    expect(parsed.searchParams.get('issuer')).not.toContain(':');
  });

  it('drops Base32 padding from the secret', () => {
    expect(new URL(otpauthUri({ issuer: 'X', account: 'a@b.co', secret: 'MFRGG===' })).searchParams.get('secret')).toBe('MFRGG');
  });

  it('collapses whitespace left behind by removed colons', () => {
    expect(safeIssuer(' A:B :: C ')).toBe('A B C');
  });
});
