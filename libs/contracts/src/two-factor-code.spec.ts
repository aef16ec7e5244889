import { describe, expect, it } from '@jest/globals';
import { normaliseBackupCode, normaliseTotpCode } from './two-factor-code.js';

describe('normaliseTotpCode', () => {
  it.each([
    ['123456', '123456'],
    [' 123 456 ', '123456'],
    ['123\u00a0456', '123456'],
    ['123\u202f456', '123456'],
    ['123-456', '123456'],
    ['123 - 456', '123456'],
  ])('reads %j as %j', (typed, expected) => {
    expect(normaliseTotpCode(typed)).toBe(expected);
  });

  it.each(['', '12345', '1234567', '12-34-56', '-123456', '123456-', '12345a', '１２３４５６', '٠١٢٣٤٥'])('rejects %j', (typed) => {
    expect(normaliseTotpCode(typed)).toBeNull();
  });
});

describe('normaliseBackupCode', () => {
  it('ignores case, spaces and hyphens', () => {
    expect(normaliseBackupCode(' abcd-efgh ijkm\u00a0npqr ')).toBe('ABCDEFGHIJKMNPQR');
  });
});
