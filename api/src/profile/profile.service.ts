import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Profile } from '@practice-cloud/contracts';
import { DataSource, IsNull } from 'typeorm';
import { mustEnrolInTwoFactor } from '../common/auth/auth-context.js';
import { Practice } from '../practice/entities/practice.entity.js';
import { BackupCode } from '../two-factor/entities/backup-code.entity.js';
import { User } from '../users/entities/user.entity.js';

/** The one mapping from a user's rows to the contract's Profile. */
@Injectable()
export class ProfileService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async profileOf(userId: string): Promise<Profile> {
    const user = await this.dataSource.getRepository(User).findOneByOrFail({ id: userId });
    const practice = await this.dataSource.getRepository(Practice).findOneByOrFail({ id: user.practiceId });
    return this.toProfile(user, practice);
  }

  async toProfile(user: User, practice: Practice): Promise<Profile> {
    const backupCodesRemaining = user.twoFactorEnabledAt
      ? await this.dataSource.getRepository(BackupCode).countBy({ userId: user.id, usedAt: IsNull() })
      : 0;
    return {
      id: user.id,
      email: user.email,
      firstName: user.firstName,
      lastName: user.lastName,
      initials: initials(user.firstName, user.lastName),
      role: user.role,
      practice: { id: practice.id, name: practice.name, requireTwoFactor: practice.requireTwoFactor },
      twoFactor: {
        enabled: user.twoFactorEnabledAt !== null,
        enabledAt: user.twoFactorEnabledAt?.toISOString() ?? null,
        backupCodesRemaining,
        enrolmentRequired: mustEnrolInTwoFactor(user, practice),
      },
    };
  }
}

/** "Jane Smith" → "JS"; works for accented and non-Latin names, falls back to "?" for empty ones. */
export function initials(firstName: string, lastName: string): string {
  const first = (name: string) => [...name.trim()][0]?.toLocaleUpperCase() ?? '';
  return first(firstName) + first(lastName) || '?';
}
