import { createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Request } from 'express';
import type { AuthContext } from './auth-context.js';

/**
 * Deny by default: every route needs a signed-in session and 2FA compliance, and only an administrator reaches
 * practice administration. These decorators are the explicit, reviewable exceptions (and the one addition).
 */
export const IS_PUBLIC = 'access:public';
export const ALLOW_WITHOUT_TWO_FACTOR = 'access:allow-without-two-factor';
export const ADMIN_ONLY = 'access:admin-only';

/** No session needed (sign-in, health). */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/**
 * A signed-in user may call this even while their practice requires 2FA and they have not enabled it: the routes
 * they need to enable it, read their notices and sign out.
 */
export const AllowWithoutTwoFactor = () => SetMetadata(ALLOW_WITHOUT_TWO_FACTOR, true);

/** Practice administrators only; others get 403 FORBIDDEN. */
export const AdminOnly = () => SetMetadata(ADMIN_ONLY, true);

/** The caller's resolved session, user and practice. */
export const CurrentAuth = createParamDecorator((_data: unknown, context: ExecutionContext): AuthContext => {
  const auth = context.switchToHttp().getRequest<Request>().auth;
  if (!auth) throw new Error('CurrentAuth used on a route without a session');
  return auth;
});
