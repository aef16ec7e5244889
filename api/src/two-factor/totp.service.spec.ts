import { describe, expect, it } from '@jest/globals';
import { generateSync } from 'otplib';
import { Clock } from '../common/clock.js';
import { TotpService } from './totp.service.js';

/** A clock that stands still where the test puts it: TOTP is all about time. */
class FrozenClock extends Clock {
  constructor(private at: Date) {
    super();
  }
  override now(): Date {
    return this.at;
  }
  set(at: Date): void {
    this.at = at;
  }
}

// RFC 6238 appendix B: the ASCII secret "12345678901234567890", Base32-encoded.
const RFC_SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
const at = (seconds: number) => new Date(seconds * 1000);

describe('TotpService', () => {
  it.each([
    [59, '94287082'],
    [1111111109, '07081804'],
    [1111111111, '14050471'],
    [1234567890, '89005924'],
    [2000000000, '69279037'],
  ])('matches the RFC 6238 SHA-1 vector at T=%i', (seconds, expected) => {
    expect(generateSync({ secret: RFC_SECRET, epoch: seconds, digits: 8 })).toBe(expected);
    // Our 6-digit codes are the last six digits of the same HOTP value.
    const service = new TotpService(new FrozenClock(at(seconds)));
    expect(service.matchingStep(RFC_SECRET, expected.slice(2), null)).toBe(Math.floor(seconds / 30));
  });

  it('creates 20-byte Base32 secrets without padding, different every time', () => {
    const service = new TotpService(new Clock());
    const secret = service.newSecret();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(service.newSecret()).not.toBe(secret);
  });

  describe('with a frozen clock', () => {
    const now = at(1_700_000_000);
    const clock = new FrozenClock(now);
    const service = new TotpService(clock);
    const secret = service.newSecret();
    const step = Math.floor(now.getTime() / 30_000);
    const codeAtStep = (offset: number) => service.codeAt(secret, new Date(now.getTime() + offset * 30_000));

    it('accepts the current code and one step of drift either way, no more', () => {
      expect(service.matchingStep(secret, codeAtStep(0), null)).toBe(step);
      expect(service.matchingStep(secret, codeAtStep(-1), null)).toBe(step - 1);
      expect(service.matchingStep(secret, codeAtStep(1), null)).toBe(step + 1);
      expect(service.matchingStep(secret, codeAtStep(-2), null)).toBeNull();
      expect(service.matchingStep(secret, codeAtStep(2), null)).toBeNull();
    });

    it('accepts only steps later than the last used one', () => {
      expect(service.matchingStep(secret, codeAtStep(0), step)).toBeNull();
      expect(service.matchingStep(secret, codeAtStep(-1), step)).toBeNull();
      expect(service.matchingStep(secret, codeAtStep(1), step)).toBe(step + 1);
    });

    it('says no, without throwing, when the last used step lies in the future', () => {
      expect(service.matchingStep(secret, codeAtStep(0), step + 5)).toBeNull();
    });

    it('reads codes with spaces, non-breaking spaces and one middle hyphen', () => {
      const code = codeAtStep(0);
      for (const typed of [` ${code} `, `${code.slice(0, 3)} ${code.slice(3)}`, `${code.slice(0, 3)}\u00a0${code.slice(3)}`, `${code.slice(0, 3)}-${code.slice(3)}`]) {
        expect(service.matchingStep(secret, typed, null)).toBe(step);
      }
    });

    it('rejects malformed codes without throwing', () => {
      for (const typed of ['', '12345', '1234567', 'abcdef', '１２３４５６', '12-34-56', `${codeAtStep(0)}0`]) {
        expect(service.matchingStep(secret, typed, null)).toBeNull();
      }
    });

    it('uses the server clock: a code from 90 seconds ago fails once time moved on', () => {
      const code = codeAtStep(0);
      clock.set(new Date(now.getTime() + 90_000));
      expect(service.matchingStep(secret, code, null)).toBeNull();
      clock.set(now);
    });
  });
});
