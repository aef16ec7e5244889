import { describe, expect, it } from '@jest/globals';
import { PasswordHasher } from './password-hasher.js';

describe('PasswordHasher', () => {
  const hasher = new PasswordHasher();

  it('uses argon2id at no less than OWASP minimum (19 MiB, 2 passes)', async () => {
    const hash = await hasher.hash('correct horse battery staple');
    const [, algorithm, , params] = hash.split('$');
    expect(algorithm).toBe('argon2id');
    const values = Object.fromEntries(params.split(',').map((pair) => pair.split('=')));
    expect(Number(values.m)).toBeGreaterThanOrEqual(19 * 1024);
    expect(Number(values.t)).toBeGreaterThanOrEqual(2);
  });

  it('salts: the same password hashes differently, and verifies', async () => {
    const [a, b] = await Promise.all([hasher.hash('same password'), hasher.hash('same password')]);
    expect(a).not.toBe(b);
    expect(await hasher.verify(a, 'same password')).toBe(true);
    expect(await hasher.verify(a, 'other password')).toBe(false);
  });

  it('says no, without throwing, to a malformed hash', async () => {
    expect(await hasher.verify('not-a-hash', 'x')).toBe(false);
  });
});
