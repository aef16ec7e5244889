import { describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { SecretBox } from './secret-box.js';

describe('SecretBox (AES-256-GCM)', () => {
  const box = new SecretBox({ dataEncryptionKey: randomBytes(32) });
  const secret = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';

  it('round-trips, and the stored form does not contain the secret', () => {
    const sealed = box.seal(secret, 'user-1');
    expect(sealed).not.toContain(secret);
    expect(sealed.startsWith('v1.')).toBe(true);
    expect(box.open(sealed, 'user-1')).toBe(secret);
  });

  it('uses a fresh IV every time', () => {
    expect(box.seal(secret, 'user-1')).not.toBe(box.seal(secret, 'user-1'));
  });

  it('refuses a ciphertext moved to another owner', () => {
    expect(() => box.open(box.seal(secret, 'user-1'), 'user-2')).toThrow();
  });

  it('refuses a tampered ciphertext', () => {
    const [version, iv, tag, ciphertext] = box.seal(secret, 'user-1').split('.');
    const flipped = Buffer.from(ciphertext, 'base64url');
    flipped[0] = flipped[0] ^ 1;
    expect(() => box.open([version, iv, tag, flipped.toString('base64url')].join('.'), 'user-1')).toThrow();
  });

  it('refuses to open with another key', () => {
    const other = new SecretBox({ dataEncryptionKey: randomBytes(32) });
    expect(() => other.open(box.seal(secret, 'user-1'), 'user-1')).toThrow();
  });
});
