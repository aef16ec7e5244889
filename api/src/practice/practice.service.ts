import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { PracticeSettings, PracticeUser, UpdatePracticeSettingsResponse } from '@practice-cloud/contracts';
import { DataSource, IsNull, Not } from 'typeorm';
import type { AuthContext } from '../common/auth/auth-context.js';
import { Clock } from '../common/clock.js';
import { PasswordHasher } from '../common/crypto/password-hasher.js';
import { DomainException, notFound } from '../common/errors/domain.exception.js';
import { validationFailed } from '../common/validation/validation.pipe.js';
import { NoticeOutboxService } from '../notifications/notice-outbox.service.js';
import { TwoFactorService } from '../two-factor/two-factor.service.js';
import { User } from '../users/entities/user.entity.js';
import { passwordProblem } from '../users/user-rules.js';
import type { CreatePracticeUserDto } from './dto/practice.dto.js';
import { Practice } from './entities/practice.entity.js';
import { insertUser } from './practice-bootstrap.js';

/** Practice administration. Every query is scoped to the caller's practice; other practices' ids are 404s. */
@Injectable()
export class PracticeService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly hasher: PasswordHasher,
    private readonly outbox: NoticeOutboxService,
    private readonly twoFactor: TwoFactorService,
  ) {}

  async settings({ practice }: AuthContext): Promise<PracticeSettings> {
    const fresh = await this.dataSource.getRepository(Practice).findOneByOrFail({ id: practice.id });
    return this.toSettings(fresh);
  }

  /**
   * "Requires 2FA → Yes": writes the setting and the notice intent in one transaction and returns; the queue fans
   * the notices out. The cost does not grow with the number of members.
   */
  async updateSettings({ user, practice }: AuthContext, requireTwoFactor: boolean): Promise<UpdatePracticeSettingsResponse> {
    if (requireTwoFactor && !user.twoFactorEnabledAt) {
      throw new DomainException(
        'ADMIN_TWO_FACTOR_REQUIRED',
        'Enable two-factor authentication on your own account before requiring it for the practice.',
      );
    }
    const turnedOn = await this.dataSource.transaction(async (manager) => {
      const changed = await manager
        .getRepository(Practice)
        .update(
          { id: practice.id, requireTwoFactor: !requireTwoFactor },
          { requireTwoFactor, requireTwoFactorSince: requireTwoFactor ? this.clock.now() : null },
        );
      if (!requireTwoFactor || changed.affected !== 1) return false;
      await this.outbox.recordEnforcement(manager, practice.id);
      return true;
    });
    if (turnedOn) this.outbox.dispatchSoon();
    const settings = await this.settings({ practice } as AuthContext);
    return { ...settings, noticesQueued: turnedOn ? settings.members : 0 };
  }

  async users({ practice }: AuthContext): Promise<PracticeUser[]> {
    const users = await this.dataSource
      .getRepository(User)
      .find({ where: { practiceId: practice.id }, order: { lastName: 'ASC', firstName: 'ASC', email: 'ASC' } });
    return users.map(toPracticeUser);
  }

  /**
   * A new member of a practice that already requires 2FA gets the same "Unauthorised" notice as everyone did when
   * it was turned on, recorded with the account so it cannot be lost.
   */
  async createUser({ practice }: AuthContext, body: CreatePracticeUserDto): Promise<PracticeUser> {
    const problem = passwordProblem(body.password);
    if (problem) throw validationFailed([{ field: 'password', messages: [problem] }]);
    const passwordHash = await this.hasher.hash(body.password);
    const { user, noticed } = await this.dataSource.transaction(async (manager) => {
      const user = await insertUser(manager, practice.id, { ...body, passwordHash }, this.clock.now());
      const { requireTwoFactor } = await manager.getRepository(Practice).findOneByOrFail({ id: practice.id });
      if (requireTwoFactor) await this.outbox.recordAccountEvent(manager, user, 'TWO_FACTOR_REQUIRED');
      return { user, noticed: requireTwoFactor };
    });
    if (noticed) this.outbox.dispatchSoon();
    return toPracticeUser(user);
  }

  /** Lost phone and lost backup codes: an administrator returns a member to password-only sign-in. */
  async resetMemberTwoFactor({ user, practice }: AuthContext, userId: string): Promise<void> {
    // One's own 2FA goes through Profile → Disable 2FA, which asks for the password and respects the practice's
    // requirement; a reset here would bypass both and could lock the administrator out of Practice Settings.
    if (userId === user.id) {
      throw new DomainException('FORBIDDEN', 'You cannot reset your own two-factor authentication. Use your profile instead.');
    }
    const member = await this.dataSource.getRepository(User).findOneBy({ id: userId, practiceId: practice.id });
    if (!member) throw notFound('User');
    // Nothing to reset (never enabled, or reset a moment ago by another administrator): the member is already where
    // a reset leaves them, and the contract's answer is 204. Their sessions stay, and no notice is sent.
    if (!member.twoFactorEnabledAt) return;
    await this.twoFactor.removeTwoFactor(member, 'TWO_FACTOR_RESET');
  }

  private async toSettings(practice: Practice): Promise<PracticeSettings> {
    const users = this.dataSource.getRepository(User);
    const [members, membersWithTwoFactor] = await Promise.all([
      users.countBy({ practiceId: practice.id }),
      users.countBy({ practiceId: practice.id, twoFactorEnabledAt: Not(IsNull()) }),
    ]);
    return {
      id: practice.id,
      name: practice.name,
      requireTwoFactor: practice.requireTwoFactor,
      requireTwoFactorSince: practice.requireTwoFactorSince?.toISOString() ?? null,
      members,
      membersWithTwoFactor,
    };
  }
}

function toPracticeUser(user: User): PracticeUser {
  return {
    id: user.id,
    email: user.email,
    firstName: user.firstName,
    lastName: user.lastName,
    role: user.role,
    twoFactorEnabled: user.twoFactorEnabledAt !== null,
    lastLoginAt: user.lastLoginAt?.toISOString() ?? null,
  };
}
