import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type BackupCodesResponse, NotificationType, type Profile, type TwoFactorSetupResponse } from '@practice-cloud/contracts';
import QRCode from 'qrcode';
import { DataSource, type EntityManager, IsNull } from 'typeorm';
import { SessionsService } from '../auth/sessions.service.js';
import type { AuthContext } from '../common/auth/auth-context.js';
import { Clock } from '../common/clock.js';
import { PasswordHasher } from '../common/crypto/password-hasher.js';
import { SecretBox } from '../common/crypto/secret-box.js';
import { DomainException } from '../common/errors/domain.exception.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { Notification } from '../notifications/entities/notification.entity.js';
import { NoticeOutboxService, type AccountEvent } from '../notifications/notice-outbox.service.js';
import { ProfileService } from '../profile/profile.service.js';
import { User } from '../users/entities/user.entity.js';
import { BackupCodesService } from './backup-codes.service.js';
import { TwoFactorSetup } from './entities/two-factor-setup.entity.js';
import { otpauthUri } from './otpauth-uri.js';
import type { SecondFactorProof } from './second-factor-proof.js';
import { TotpService } from './totp.service.js';
import { TrustedDevicesService } from './trusted-devices.service.js';
import { TwoFactorAttemptsService } from './two-factor-attempts.service.js';

const SETUP_TTL_MS = 15 * 60 * 1000;

/** Secrets are sealed to their owner: a sealed secret moved onto another user's row does not open. */
export const totpSecretContext = (userId: string) => `totp-secret:${userId}`;

/** The self-service enable flow (Next → Verify and Next → Verify and Enable), disable, and backup codes. */
@Injectable()
export class TwoFactorService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly totp: TotpService,
    private readonly secretBox: SecretBox,
    private readonly backupCodes: BackupCodesService,
    private readonly trustedDevices: TrustedDevicesService,
    private readonly sessions: SessionsService,
    private readonly hasher: PasswordHasher,
    private readonly attempts: TwoFactorAttemptsService,
    private readonly outbox: NoticeOutboxService,
    private readonly profiles: ProfileService,
  ) {}

  /** "Next": starts or restarts a pending setup. The working login is untouched until "Verify and Enable". */
  async startSetup({ user }: AuthContext): Promise<TwoFactorSetupResponse> {
    assertDisabled(user);
    const secret = this.totp.newSecret();
    const now = this.clock.now();
    const expiresAt = new Date(now.getTime() + SETUP_TTL_MS);
    await this.dataSource.getRepository(TwoFactorSetup).save({
      userId: user.id,
      secret: this.secretBox.seal(secret, totpSecretContext(user.id)),
      expiresAt,
      verifiedStep: null,
      backupCodeHashes: null,
      createdAt: now,
    });
    const otpauthUrl = otpauthUri({ issuer: this.config.totpIssuer, account: user.email, secret });
    const qrCodeDataUrl = await QRCode.toDataURL(otpauthUrl, { errorCorrectionLevel: 'M', margin: 2, width: 240 });
    return { secret, otpauthUrl, qrCodeDataUrl, expiresAt: expiresAt.toISOString() };
  }

  /**
   * "Verify and Next": the code proves the app holds the secret. Its time step is claimed with a conditional
   * update, so the same code cannot verify twice, and it later becomes the user's last used step.
   */
  async verifySetup({ user }: AuthContext, code: string): Promise<BackupCodesResponse> {
    assertDisabled(user);
    const setup = await this.liveSetup(user.id);
    const step = this.totp.matchingStep(
      this.secretBox.open(setup.secret, totpSecretContext(user.id)),
      code,
      setup.verifiedStep,
    );
    if (step === null) throw invalidCode(400);
    const { codes, hashes } = await this.backupCodes.newSet();
    const claimed = await this.dataSource
      .createQueryBuilder()
      .update(TwoFactorSetup)
      .set({ verifiedStep: step, backupCodeHashes: JSON.stringify(hashes) })
      .where('user_id = :userId', { userId: user.id })
      .andWhere('(verified_step IS NULL OR verified_step < :step)', { step })
      .execute();
    if (claimed.affected !== 1) throw invalidCode(400);
    return { backupCodes: codes };
  }

  /** "Verify and Enable": the pending secret becomes the working one; other sessions and trusted devices end. */
  async enable(auth: AuthContext): Promise<Profile> {
    const { user } = auth;
    // The contract answers enable with the setup's codes only. With 2FA on there is no setup to finish (none can be
    // started), which is what TWO_FACTOR_SETUP_NOT_STARTED says; the message says why.
    if (user.twoFactorEnabledAt) throw setupNotStarted('Two-factor authentication is already on: there is no setup to finish.');
    const setup = await this.liveSetup(user.id);
    if (setup.verifiedStep === null || !setup.backupCodeHashes) {
      throw new DomainException('TWO_FACTOR_SETUP_NOT_VERIFIED', 'Verify a code from your authenticator app first.');
    }
    const secret = setup.secret;
    const verifiedStep = setup.verifiedStep;
    const hashes = JSON.parse(setup.backupCodeHashes) as string[];
    await this.dataSource.transaction(async (manager) => {
      const enabled = await manager.getRepository(User).update(
        { id: user.id, twoFactorEnabledAt: IsNull() },
        {
          totpSecret: secret,
          twoFactorEnabledAt: this.clock.now(),
          totpLastStep: verifiedStep,
          twoFactorFailures: 0,
          twoFactorLockedUntil: null,
        },
      );
      if (enabled.affected !== 1) throw setupNotStarted('Two-factor authentication is already on: there is no setup to finish.');
      await this.backupCodes.replace(manager, user.id, hashes);
      await manager.getRepository(TwoFactorSetup).delete({ userId: user.id });
      await this.trustedDevices.revokeAll(manager, user.id);
      await this.sessions.revokeAllForUser(user.id, { exceptSessionId: auth.sessionId, manager });
      await this.outbox.recordAccountEvent(manager, user, 'TWO_FACTOR_ENABLED');
      // The "Unauthorised" notice asked for exactly this; it is dealt with, so it no longer shows as unread.
      await manager
        .getRepository(Notification)
        .update({ userId: user.id, type: NotificationType.TWO_FACTOR_REQUIRED, readAt: IsNull() }, { readAt: this.clock.now() });
    });
    this.outbox.dispatchSoon();
    return this.profiles.profileOf(user.id);
  }

  /** "Disable 2FA": asks for the password; everything 2FA-related goes, and so do all sessions. */
  async disable({ user, practice }: AuthContext, password: string): Promise<void> {
    assertEnabled(user);
    if (practice.requireTwoFactor) {
      throw new DomainException(
        'TWO_FACTOR_REQUIRED_BY_PRACTICE',
        'Your practice requires two-factor authentication, so it cannot be disabled.',
      );
    }
    if (!(await this.attempts.guard(user.id, () => this.hasher.verify(user.passwordHash, password)))) {
      throw new DomainException('INVALID_PASSWORD', 'That password is not right.');
    }
    await this.removeTwoFactor(user, 'TWO_FACTOR_DISABLED');
  }

  /** Used by disable and by an administrator's reset: the account returns to password-only sign-in. */
  async removeTwoFactor(user: User, event: Extract<AccountEvent, 'TWO_FACTOR_DISABLED' | 'TWO_FACTOR_RESET'>): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await clearTwoFactor(manager, user.id);
      await this.backupCodes.replace(manager, user.id, []);
      await this.trustedDevices.revokeAll(manager, user.id);
      await this.sessions.revokeAllForUser(user.id, { manager });
      await this.outbox.recordAccountEvent(manager, user, event);
    });
    this.outbox.dispatchSoon();
  }

  /** A new set of backup codes, proven with a current code from the app; every earlier one stops working. */
  async regenerateBackupCodes({ user }: AuthContext, code: string): Promise<BackupCodesResponse> {
    assertEnabled(user);
    if (!(await this.attempts.guard(user.id, () => this.claimTotpStep(user, code)))) throw invalidCode(400);
    const { codes, hashes } = await this.backupCodes.newSet();
    await this.dataSource.transaction((manager) => this.backupCodes.replace(manager, user.id, hashes));
    return { backupCodes: codes };
  }

  /** A current code from the app, spent at once: for re-authentication by a signed-in user. */
  async claimTotpStep(user: User, code: string): Promise<boolean> {
    const proof = this.totpProof(user, code);
    return proof !== null && (await proof.spend());
  }

  /**
   * The proof behind a code that is right for the user's working secret, for a time step later than any they used
   * before. Checking spends nothing: `spend()` claims the step with a conditional update, so two simultaneous
   * requests cannot both win.
   */
  totpProof(user: User, code: string): SecondFactorProof | null {
    if (!user.totpSecret) return null;
    const secret = this.secretBox.open(user.totpSecret, totpSecretContext(user.id));
    const step = this.totp.matchingStep(secret, code, user.totpLastStep);
    if (step === null) return null;
    return {
      spend: async () => {
        const claimed = await this.dataSource
          .createQueryBuilder()
          .update(User)
          .set({ totpLastStep: step })
          .where('id = :id', { id: user.id })
          .andWhere('(totp_last_step IS NULL OR totp_last_step < :step)', { step })
          .execute();
        return claimed.affected === 1;
      },
    };
  }

  private async liveSetup(userId: string): Promise<TwoFactorSetup> {
    const setup = await this.dataSource.getRepository(TwoFactorSetup).findOneBy({ userId });
    if (!setup || setup.expiresAt.getTime() <= this.clock.now().getTime()) {
      throw setupNotStarted('Start the setup again: there is no pending two-factor setup, or it expired.');
    }
    return setup;
  }
}

async function clearTwoFactor(manager: EntityManager, userId: string): Promise<void> {
  await manager.getRepository(User).update(
    { id: userId },
    { totpSecret: null, twoFactorEnabledAt: null, totpLastStep: null, twoFactorFailures: 0, twoFactorLockedUntil: null },
  );
  await manager.getRepository(TwoFactorSetup).delete({ userId });
}

function assertDisabled(user: User): void {
  if (user.twoFactorEnabledAt) throw alreadyEnabled();
}

function assertEnabled(user: User): void {
  if (!user.twoFactorEnabledAt) {
    throw new DomainException('TWO_FACTOR_NOT_ENABLED', 'Two-factor authentication is not enabled on this account.');
  }
}

const setupNotStarted = (message: string) => new DomainException('TWO_FACTOR_SETUP_NOT_STARTED', message);

const alreadyEnabled = () =>
  new DomainException('TWO_FACTOR_ALREADY_ENABLED', 'Two-factor authentication is already enabled on this account.');

export const invalidCode = (status: 400 | 401) =>
  new DomainException('INVALID_TWO_FACTOR_CODE', 'That code is not right, was already used, or has expired.', { status });
