import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { SessionsService } from '../auth/sessions.service.js';
import type { AuthContext } from '../common/auth/auth-context.js';
import { PasswordHasher } from '../common/crypto/password-hasher.js';
import { DomainException } from '../common/errors/domain.exception.js';
import { validationFailed } from '../common/validation/validation.pipe.js';
import { NoticeOutboxService } from '../notifications/notice-outbox.service.js';
import { TwoFactorAttemptsService } from '../two-factor/two-factor-attempts.service.js';
import { User } from '../users/entities/user.entity.js';
import { passwordProblem } from '../users/user-rules.js';
import type { ChangePasswordDto } from './dto/change-password.dto.js';

/** A person replaces their own password: the one an administrator set for them, or one that may have leaked. */
@Injectable()
export class PasswordService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly hasher: PasswordHasher,
    private readonly attempts: TwoFactorAttemptsService,
    private readonly sessions: SessionsService,
    private readonly outbox: NoticeOutboxService,
  ) {}

  /**
   * Asks for the current password under the account's limit on guesses (a stolen session cannot guess its way to
   * a password of its own), then ends every other session: whoever signed in with the old password is out.
   */
  async change({ user, sessionId }: AuthContext, { currentPassword, newPassword }: ChangePasswordDto): Promise<void> {
    const problem =
      passwordProblem(newPassword, 'newPassword') ?? (newPassword === currentPassword ? 'newPassword must differ from the current password' : null);
    if (problem) throw validationFailed([{ field: 'newPassword', messages: [problem] }]);
    if (!(await this.attempts.guard(user.id, () => this.hasher.verify(user.passwordHash, currentPassword)))) {
      throw new DomainException('INVALID_PASSWORD', 'That password is not right.');
    }
    const passwordHash = await this.hasher.hash(newPassword);
    await this.dataSource.transaction(async (manager) => {
      await manager.getRepository(User).update({ id: user.id }, { passwordHash });
      await this.sessions.revokeAllForUser(user.id, { exceptSessionId: sessionId, manager });
      await this.outbox.recordAccountEvent(manager, user, 'PASSWORD_CHANGED');
    });
    this.outbox.dispatchSoon();
  }
}
