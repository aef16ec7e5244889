import { describe, expect, it } from '@jest/globals';
import { CLIENT_CODE_INPUT_PATTERN, CLIENT_CODE_MAX_LENGTH, CLIENT_CODE_PATTERN } from './input-rules.js';

describe('client code rule', () => {
  it('accepts letters, digits, dots, hyphens and underscores up to the maximum length', () => {
    for (const code of ['ACME01', 'MAR-2026', 'a.b_c-d', '7', 'A'.repeat(CLIENT_CODE_MAX_LENGTH)]) {
      expect(CLIENT_CODE_PATTERN.test(code)).toBe(true);
    }
  });

  it('refuses a code that is too long, starts with punctuation or holds other characters', () => {
    for (const code of ['', 'A'.repeat(CLIENT_CODE_MAX_LENGTH + 1), '-ACME', '.ACME', 'AC ME', 'ACME/1', 'ÄCME']) {
      expect(CLIENT_CODE_PATTERN.test(code)).toBe(false);
    }
  });

  it('allows spaces around a typed code, and only around it', () => {
    expect(CLIENT_CODE_INPUT_PATTERN.test('  ACME01 ')).toBe(true);
    expect(CLIENT_CODE_PATTERN.test('  ACME01 ')).toBe(false);
    expect(CLIENT_CODE_INPUT_PATTERN.test(' AC ME ')).toBe(false);
    expect(CLIENT_CODE_INPUT_PATTERN.test(` ${'A'.repeat(CLIENT_CODE_MAX_LENGTH + 1)} `)).toBe(false);
  });
});
