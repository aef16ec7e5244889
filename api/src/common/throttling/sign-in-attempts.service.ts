import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Request } from 'express';
import type { DataSource } from 'typeorm';
import { LoginChallenge } from '../../auth/entities/login-challenge.entity.js';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';
import { canonicalEmail } from '../../users/user-rules.js';
import { hashToken } from '../crypto/tokens.js';
import { AttemptCounter } from './attempt-counter.js';

/** Which sign-in step a route is: the password step names the account by email, the code step by its challenge. */
export type SignInStep = 'password' | 'code';

/**
 * The limits on the two sign-in steps, on top of the per-user lockout after 10 wrong codes: one per client IP (a
 * password-spraying source) and one per account (a distributed guess at one person). Keys are hashed, so no email
 * address lands in Redis.
 */
@Injectable()
export class SignInAttempts implements OnApplicationShutdown {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly counter: AttemptCounter,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /** Counts one attempt; answers null while both limits hold, else the seconds until the caller may try again. */
  async record(step: SignInStep, request: Request): Promise<number | null> {
    const { windowSeconds, perIp, perAccount } = this.config.signInThrottle;
    const windowMs = windowSeconds * 1000;
    const ip = request.ip ?? 'unknown';
    const [byIp, byAccount] = await Promise.all([
      this.counter.hit(hashToken(`${step}:ip:${ip}`), windowMs),
      this.counter.hit(hashToken(`${step}:${await this.accountOf(step, request)}`), windowMs),
    ]);
    const over = [byIp.hits > perIp ? byIp : null, byAccount.hits > perAccount ? byAccount : null].filter((count) => count !== null);
    if (over.length === 0) return null;
    return Math.max(1, Math.ceil(Math.max(...over.map((count) => count.resetInMs)) / 1000));
  }

  /**
   * The account an attempt is aimed at. A body that names none (it will fail validation) counts against its IP
   * alone, so malformed requests never share, and exhaust, one bucket for everybody.
   */
  private async accountOf(step: SignInStep, request: Request): Promise<string> {
    const body = (request.body ?? {}) as { email?: unknown; challengeToken?: unknown };
    if (step === 'password' && typeof body.email === 'string' && body.email.length <= 254) {
      return `account:${canonicalEmail(body.email)}`;
    }
    if (step === 'code' && typeof body.challengeToken === 'string' && body.challengeToken.length <= 200) {
      const challenge = await this.dataSource
        .getRepository(LoginChallenge)
        .findOne({ where: { tokenHash: hashToken(body.challengeToken) }, select: { id: true, userId: true } });
      if (challenge) return `user:${challenge.userId}`;
    }
    return `no-account:${request.ip ?? 'unknown'}`;
  }

  onApplicationShutdown(): Promise<void> {
    return this.counter.close();
  }
}
