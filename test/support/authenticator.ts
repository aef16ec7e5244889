import { generateSync } from 'otplib';

const STEP_MS = 30_000;

/**
 * What an authenticator app would show. The API accepts ±1 step of drift and each step once, so a test can use
 * the current step's code and then the next step's without waiting 30 seconds.
 */
export function totpCode(secret: string, offsetSteps = 0, at = Date.now()): string {
  return generateSync({ secret, epoch: Math.floor(at / 1000) + offsetSteps * 30 });
}

export function secretFromOtpauthUrl(url: string): string {
  const secret = new URL(url).searchParams.get('secret');
  if (!secret) throw new Error(`No secret in ${url}`);
  return secret;
}

/** Waits until the next 30-second step starts (plus a little), for tests that need a third fresh code. */
export async function waitForNextStep(): Promise<void> {
  const ms = STEP_MS - (Date.now() % STEP_MS) + 200;
  await new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * A person's authenticator app that remembers which steps it already handed out, because the API accepts each
 * step once and only steps later than the last one used. It gives the previous step (while the current one has a
 * few seconds left), then the current, then the next, and waits for a new step only when all three are spent.
 */
export class Authenticator {
  private lastStep = -Infinity;

  constructor(readonly secret: string) {}

  async nextCode(): Promise<string> {
    for (;;) {
      const now = Date.now();
      const current = Math.floor(now / STEP_MS);
      const msLeft = (current + 1) * STEP_MS - now;
      const candidates = [...(msLeft > 3000 ? [current - 1] : []), current, current + 1];
      const step = candidates.find((candidate) => candidate > this.lastStep);
      if (step !== undefined) {
        this.lastStep = step;
        return generateSync({ secret: this.secret, epoch: step * 30 });
      }
      await waitForNextStep();
    }
  }

  /** Six digits that match no step the server accepts now. */
  wrongCode(): string {
    const now = Date.now();
    const valid = new Set([-1, 0, 1].map((offset) => totpCode(this.secret, offset, now)));
    for (let n = 0; ; n++) {
      const candidate = String((123456 + n * 7919) % 1_000_000).padStart(6, '0');
      if (!valid.has(candidate)) return candidate;
    }
  }
}
