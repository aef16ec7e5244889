import type { Role } from '@practice-cloud/contracts';
import type { EntityManager } from 'typeorm';
import { isUniqueViolation } from '../common/database-errors.js';
import { newId } from '../common/crypto/tokens.js';
import { DomainException } from '../common/errors/domain.exception.js';
import { User } from '../users/entities/user.entity.js';
import { canonicalEmail } from '../users/user-rules.js';
import { Practice } from './entities/practice.entity.js';

export interface NewUser {
  email: string;
  firstName: string;
  lastName: string;
  role: Role;
  passwordHash: string;
}

/** Creates a practice with its first administrator; shared by the operators' CLI and the demo seed. */
export async function createPracticeWithAdmin(
  manager: EntityManager,
  name: string,
  admin: Omit<NewUser, 'role'>,
  now = new Date(),
): Promise<{ practiceId: string; adminUserId: string }> {
  const practice = { id: newId(), name: name.trim(), requireTwoFactor: false, requireTwoFactorSince: null, createdAt: now };
  await manager.getRepository(Practice).insert(practice);
  const adminUser = await insertUser(manager, practice.id, { ...admin, role: 'ADMIN' }, now);
  return { practiceId: practice.id, adminUserId: adminUser.id };
}

export async function insertUser(manager: EntityManager, practiceId: string, input: NewUser, now = new Date()): Promise<User> {
  const user = manager.getRepository(User).create({
    id: newId(),
    practiceId,
    email: canonicalEmail(input.email),
    passwordHash: input.passwordHash,
    firstName: input.firstName.trim(),
    lastName: input.lastName.trim(),
    role: input.role,
    totpSecret: null,
    twoFactorEnabledAt: null,
    totpLastStep: null,
    twoFactorFailures: 0,
    twoFactorLockedUntil: null,
    lastLoginAt: null,
    createdAt: now,
  });
  try {
    await manager.getRepository(User).insert(user);
  } catch (error) {
    if (isUniqueViolation(error)) throw new DomainException('EMAIL_TAKEN', 'An account with this email exists already.');
    throw error;
  }
  return user;
}
