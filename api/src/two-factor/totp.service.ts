import { Injectable } from '@nestjs/common';
import { normaliseTotpCode } from '@practice-cloud/contracts';
import { generateSecret, generateSync, verifySync } from 'otplib';
import { Clock } from '../common/clock.js';

export const TOTP_PERIOD_SECONDS = 30;
/** ±1 time step of clock drift between the phone and the server. */
const DRIFT_TOLERANCE_SECONDS = TOTP_PERIOD_SECONDS;

/** RFC 6238 TOTP: SHA-1, 6 digits, 30-second steps, always against the server's clock. */
@Injectable()
export class TotpService {
  constructor(private readonly clock: Clock) {}

  /** 20 random bytes (160 bits, RFC 4226's recommendation), Base32 without padding. */
  newSecret(): string {
    return generateSecret({ length: 20 }).replace(/=+$/, '');
  }

  /**
   * The time step the code belongs to, or null when it is wrong, malformed, or not later than `afterStep` (the last
   * step this user already spent). Callers must still claim the step with a conditional update: two requests can
   * pass this check at the same moment, only one may win.
   */
  matchingStep(secret: string, code: string, afterStep: number | null): number | null {
    const token = normaliseTotpCode(code);
    if (!token) return null;
    const epoch = Math.floor(this.clock.now().getTime() / 1000);
    // otplib throws when afterTimeStep lies in the future (the server clock went back): such a code is not later.
    if (afterStep !== null && afterStep >= Math.floor(epoch / TOTP_PERIOD_SECONDS) + 1) return null;
    try {
      const result = verifySync({
        secret,
        token,
        epoch,
        epochTolerance: DRIFT_TOLERANCE_SECONDS,
        ...(afterStep !== null ? { afterTimeStep: afterStep } : {}),
      });
      return result.valid && 'timeStep' in result ? result.timeStep : null;
    } catch {
      return null;
    }
  }

  /** What an authenticator app would show now; used by the demo and tests. */
  codeAt(secret: string, at: Date): string {
    return generateSync({ secret, epoch: Math.floor(at.getTime() / 1000) });
  }

  currentStep(): number {
    return Math.floor(this.clock.now().getTime() / 1000 / TOTP_PERIOD_SECONDS);
  }
}
