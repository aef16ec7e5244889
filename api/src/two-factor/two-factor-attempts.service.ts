import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Clock } from '../common/clock.js';
import { DomainException } from '../common/errors/domain.exception.js';
import { User } from '../users/entities/user.entity.js';

/** Wrong proofs in a row, across challenges and sessions, before the account's second factor is locked. */
export const USER_MAX_FAILURES = 10;
export const USER_LOCK_MS = 15 * 60 * 1000;

/**
 * One counter per account for every guess at a second proof: the sign-in code step (TOTP or backup code), and the
 * re-authentications a signed-in session can make (a TOTP code for new backup codes, the password to disable 2FA).
 * Without the latter, a stolen access token could guess codes at hundreds a second and mint backup codes that
 * outlive the session.
 *
 * An attempt is counted before the proof is checked (one conditional update), so concurrent guesses cannot exceed
 * the limit; a right proof resets the count.
 */
@Injectable()
export class TwoFactorAttemptsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  /** Counts one attempt, or answers 429 TOO_MANY_ATTEMPTS with the wait while the account is locked. */
  async claim(userId: string): Promise<void> {
    const now = this.clock.now();
    const counted = await this.dataSource
      .createQueryBuilder()
      .update(User)
      .set({ twoFactorFailures: () => 'two_factor_failures + 1' })
      .where('id = :id AND (two_factor_locked_until IS NULL OR two_factor_locked_until <= :now)', { id: userId, now })
      .execute();
    if (counted.affected === 1) return;
    const user = await this.dataSource.getRepository(User).findOneByOrFail({ id: userId });
    this.assertNotLocked(user);
  }

  /** After a wrong proof: locks the account once the count reaches the limit. */
  async failed(userId: string): Promise<void> {
    await this.dataSource
      .createQueryBuilder()
      .update(User)
      .set({ twoFactorLockedUntil: new Date(this.clock.now().getTime() + USER_LOCK_MS), twoFactorFailures: 0 })
      .where('id = :id AND two_factor_failures >= :max', { id: userId, max: USER_MAX_FAILURES })
      .execute();
  }

  async succeeded(userId: string): Promise<void> {
    await this.dataSource.getRepository(User).update({ id: userId }, { twoFactorFailures: 0, twoFactorLockedUntil: null });
  }

  assertNotLocked(user: User): void {
    const lockedFor = (user.twoFactorLockedUntil?.getTime() ?? 0) - this.clock.now().getTime();
    if (lockedFor > 0) {
      const retryAfterSeconds = Math.ceil(lockedFor / 1000);
      throw new DomainException(
        'TOO_MANY_ATTEMPTS',
        `Too many wrong attempts. Try again in ${Math.ceil(retryAfterSeconds / 60)} minutes.`,
        { retryAfterSeconds },
      );
    }
  }

  /** Runs one check of a proof under the counter: `check` says whether the proof was right. */
  async guard(userId: string, check: () => Promise<boolean>): Promise<boolean> {
    await this.claim(userId);
    const right = await check();
    if (right) await this.succeeded(userId);
    else await this.failed(userId);
    return right;
  }
}
