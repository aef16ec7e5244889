import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AuthenticatedResponse, LoginResponse } from '@practice-cloud/contracts';
import { DataSource, IsNull, MoreThan } from 'typeorm';
import { Clock } from '../common/clock.js';
import { PasswordHasher } from '../common/crypto/password-hasher.js';
import { hashToken, newId, newOpaqueToken } from '../common/crypto/tokens.js';
import { DomainException } from '../common/errors/domain.exception.js';
import { Practice } from '../practice/entities/practice.entity.js';
import { ProfileService } from '../profile/profile.service.js';
import { BackupCodesService } from '../two-factor/backup-codes.service.js';
import { TrustedDevicesService } from '../two-factor/trusted-devices.service.js';
import { TwoFactorAttemptsService } from '../two-factor/two-factor-attempts.service.js';
import { invalidCode, TwoFactorService } from '../two-factor/two-factor.service.js';
import { User } from '../users/entities/user.entity.js';
import { canonicalEmail } from '../users/user-rules.js';
import type { LoginTwoFactorDto } from './dto/login.dto.js';
import { LoginChallenge } from './entities/login-challenge.entity.js';
import { SessionsService } from './sessions.service.js';

export const CHALLENGE_TTL_MS = 5 * 60 * 1000;
/** Wrong codes one challenge survives. */
export const CHALLENGE_MAX_ATTEMPTS = 5;

/** What the sign-in endpoints return, plus the trusted-device cookie the controller should set. */
export type SignInResult = { response: LoginResponse; trustedDevice?: { token: string; expiresAt: Date } };

/** Sign-in: the password step, then (when 2FA is on and the computer is not trusted) the code step. */
@Injectable()
export class AuthService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly hasher: PasswordHasher,
    private readonly sessions: SessionsService,
    private readonly twoFactor: TwoFactorService,
    private readonly backupCodes: BackupCodesService,
    private readonly trustedDevices: TrustedDevicesService,
    private readonly attempts: TwoFactorAttemptsService,
    private readonly profiles: ProfileService,
  ) {}

  /** The same answer, in about the same time, for an unknown email and a wrong password. */
  async verifyPassword(email: string, password: string): Promise<User> {
    const user = await this.dataSource.getRepository(User).findOneBy({ email: canonicalEmail(email) });
    const valid = user ? await this.hasher.verify(user.passwordHash, password) : await this.hasher.verifyNothing(password);
    if (!user || !valid) throw new DomainException('INVALID_CREDENTIALS', 'The email or password is not right.');
    return user;
  }

  /** After the password: a session, or a 5-minute challenge for the second step. */
  async signIn(user: User, trustedDeviceToken: string | undefined): Promise<LoginResponse> {
    if (!user.twoFactorEnabledAt) return this.authenticated(user, null);
    const trustedDeviceId = await this.trustedDevices.recognise(user.id, trustedDeviceToken);
    if (trustedDeviceId) return this.authenticated(user, trustedDeviceId);

    const { token, hash } = newOpaqueToken();
    const now = this.clock.now();
    const expiresAt = new Date(now.getTime() + CHALLENGE_TTL_MS);
    await this.dataSource.getRepository(LoginChallenge).insert({
      id: newId(),
      userId: user.id,
      tokenHash: hash,
      failedAttempts: 0,
      createdAt: now,
      expiresAt,
      consumedAt: null,
    });
    return { status: 'TWO_FACTOR_REQUIRED', challengeToken: token, expiresAt: expiresAt.toISOString() };
  }

  /**
   * The code step. Attempts are claimed before the code is checked (one conditional update each on the challenge
   * and the user), so concurrent guesses cannot exceed the limits. A right code is spent only by the request that
   * then holds the challenge: of several simultaneous requests on one challenge, one signs in and the others spend
   * nothing.
   */
  async completeTwoFactor(body: LoginTwoFactorDto, userAgent: string | undefined): Promise<SignInResult> {
    const challenge = await this.dataSource.getRepository(LoginChallenge).findOneBy({
      tokenHash: hashToken(body.challengeToken),
      expiresAt: MoreThan(this.clock.now()),
    });
    if (!challenge || challenge.consumedAt || challenge.failedAttempts >= CHALLENGE_MAX_ATTEMPTS) throw challengeExpired();
    const user = await this.dataSource.getRepository(User).findOneBy({ id: challenge.userId });
    // 2FA may have been reset by an administrator since the password step.
    if (!user?.twoFactorEnabledAt) throw challengeExpired();
    this.attempts.assertNotLocked(user);
    if (!(await this.claimChallengeAttempt(challenge.id))) throw challengeExpired();
    await this.attempts.claim(user.id);

    const proof =
      body.code !== undefined
        ? this.twoFactor.totpProof(user, body.code)
        : await this.backupCodes.proof(user.id, body.backupCode ?? '');
    if (!proof) {
      await this.attempts.failed(user.id);
      throw invalidCode(401);
    }
    if (!(await this.takeChallenge(challenge.id))) throw challengeExpired();
    if (!(await proof.spend())) {
      // Another sign-in spent this very code a moment ago. The challenge goes back for another code.
      await this.dataSource.getRepository(LoginChallenge).update({ id: challenge.id }, { consumedAt: null });
      await this.attempts.failed(user.id);
      throw invalidCode(401);
    }
    await this.attempts.succeeded(user.id);

    if (!body.rememberDevice) return { response: await this.authenticated(user, null) };
    const device = await this.trustedDevices.remember(user.id, userAgent);
    const response = await this.authenticated(user, device.id);
    return {
      response: { ...response, trustedDeviceToken: device.token },
      trustedDevice: { token: device.token, expiresAt: device.expiresAt },
    };
  }

  logout(sessionId: string): Promise<void> {
    return this.sessions.revoke(sessionId);
  }

  private async authenticated(user: User, trustedDeviceId: string | null): Promise<AuthenticatedResponse> {
    const now = this.clock.now();
    await this.dataSource.getRepository(User).update({ id: user.id }, { lastLoginAt: now });
    const session = await this.sessions.issue(user.id, trustedDeviceId);
    const practice = await this.dataSource.getRepository(Practice).findOneByOrFail({ id: user.practiceId });
    return {
      status: 'AUTHENTICATED',
      accessToken: session.accessToken,
      expiresAt: session.expiresAt.toISOString(),
      user: await this.profiles.toProfile({ ...user, lastLoginAt: now }, practice),
    };
  }

  /** Marks the challenge used; false when a simultaneous request took it first. */
  private async takeChallenge(challengeId: string): Promise<boolean> {
    const taken = await this.dataSource
      .getRepository(LoginChallenge)
      .update({ id: challengeId, consumedAt: IsNull() }, { consumedAt: this.clock.now() });
    return taken.affected === 1;
  }

  private async claimChallengeAttempt(challengeId: string): Promise<boolean> {
    const result = await this.dataSource
      .createQueryBuilder()
      .update(LoginChallenge)
      .set({ failedAttempts: () => 'failed_attempts + 1' })
      .where('id = :id AND consumed_at IS NULL AND failed_attempts < :max', { id: challengeId, max: CHALLENGE_MAX_ATTEMPTS })
      .execute();
    return result.affected === 1;
  }
}

const challengeExpired = () =>
  new DomainException('CHALLENGE_EXPIRED', 'This sign-in has expired. Enter your email and password again.');
