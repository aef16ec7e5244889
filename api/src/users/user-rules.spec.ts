import { describe, expect, it } from '@jest/globals';
import { canonicalEmail, nameProblem, SAFE_NAME_PATTERN } from './user-rules.js';

describe('canonicalEmail', () => {
  it('is one address however the same letters were typed', () => {
    const composed = 'j\u00fcrgen@example.de'; // ü as one character
    const decomposed = 'ju\u0308rgen@example.de'; // u followed by a combining diaeresis
    expect(composed).not.toBe(decomposed);
    expect(canonicalEmail(decomposed)).toBe(canonicalEmail(composed));
    expect(canonicalEmail('  Jane.Smith@Example.CO.ZA ')).toBe('jane.smith@example.co.za');
  });
});

describe('nameProblem', () => {
  it.each(["O'Brien", 'Nomvula Dlamini-Mbeki', 'Zoë', '李', 'أحمد'])('accepts %s', (name) => {
    expect(nameProblem('firstName', name)).toBeNull();
    expect(SAFE_NAME_PATTERN.test(name)).toBe(true);
  });

  it.each([
    ['a right-to-left override', 'Bob\u202Egnp.exe'],
    ['a right-to-left isolate', 'Bob\u2067x'],
    ['a right-to-left mark', 'Bob\u200F'],
    ['a new line', 'Bob\nAdmin'],
    ['a NUL', 'Bob\u0000'],
  ])('refuses %s', (_, name) => {
    expect(nameProblem('firstName', name)).toMatch(/control or text-direction/);
    expect(SAFE_NAME_PATTERN.test(name)).toBe(false);
  });

  it('refuses blank and over-long names', () => {
    expect(nameProblem('lastName', '   ')).toBe('lastName must not be blank');
    expect(nameProblem('lastName', 'x'.repeat(101))).toBe('lastName must be at most 100 characters');
    expect(nameProblem('lastName', 'x'.repeat(100))).toBeNull();
  });
});
