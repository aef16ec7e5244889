import { Injectable } from '@nestjs/common';
import argon2 from 'argon2';

/** OWASP's minimum for argon2id: 19 MiB of memory, 2 passes, 1 lane. */
export const ARGON2_OPTIONS = { type: argon2.argon2id, memoryCost: 19 * 1024, timeCost: 2, parallelism: 1 } as const;

/**
 * Slow, salted hashes for what people type: passwords and backup codes. The dummy hash lets an unknown email cost
 * the same as a wrong password, so response times do not reveal which emails exist.
 */
@Injectable()
export class PasswordHasher {
  private dummyHash: Promise<string> | undefined;

  hash(secret: string): Promise<string> {
    return argon2.hash(secret, ARGON2_OPTIONS);
  }

  async verify(hash: string, secret: string): Promise<boolean> {
    try {
      return await argon2.verify(hash, secret);
    } catch {
      return false;
    }
  }

  /** Spends the time of one verification without a user, then says no. */
  async verifyNothing(secret: string): Promise<false> {
    this.dummyHash ??= argon2.hash('practice-cloud-dummy-password', ARGON2_OPTIONS);
    await this.verify(await this.dummyHash, secret);
    return false;
  }
}
