import { generateSync } from 'otplib';

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
  const ms = 30_000 - (Date.now() % 30_000) + 200;
  await new Promise((resolve) => setTimeout(resolve, ms));
}
