import type { Practice } from '../../practice/entities/practice.entity.js';
import type { User } from '../../users/entities/user.entity.js';

/** Who is calling: resolved once per request by the session guard from the bearer token. */
export interface AuthContext {
  sessionId: string;
  user: User;
  practice: Practice;
}

declare module 'express-serve-static-core' {
  interface Request {
    auth?: AuthContext;
  }
}

/** The rule the enrolment guard applies: the practice requires 2FA and this user has not enabled it. */
export function mustEnrolInTwoFactor(user: User, practice: Practice): boolean {
  return practice.requireTwoFactor && user.twoFactorEnabledAt === null;
}
