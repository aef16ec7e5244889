import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { SessionsService } from '../../auth/sessions.service.js';
import { DomainException } from '../errors/domain.exception.js';
import { ADMIN_ONLY, ALLOW_WITHOUT_TWO_FACTOR, IS_PUBLIC } from './access-policy.decorators.js';
import { mustEnrolInTwoFactor } from './auth-context.js';

const ENROLMENT_REQUIRED_MESSAGE =
  'Unauthorised: your practice requires two-factor authentication. Enable it in your profile to access client files.';

function flag(reflector: Reflector, key: string, context: ExecutionContext): boolean {
  return reflector.getAllAndOverride<boolean>(key, [context.getHandler(), context.getClass()]) === true;
}

/** First global guard: resolves the bearer token to a live session (one indexed query) unless the route is public. */
@Injectable()
export class SessionGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: SessionsService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (flag(this.reflector, IS_PUBLIC, context)) return true;
    const request = context.switchToHttp().getRequest<Request>();
    const token = bearerToken(request);
    const auth = token ? await this.sessions.resolve(token) : null;
    if (!auth) throw new DomainException('UNAUTHENTICATED', 'Sign in to continue.');
    request.auth = auth;
    return true;
  }
}

/** Second: practice administration is for administrators. */
@Injectable()
export class AdminGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    if (!flag(this.reflector, ADMIN_ONLY, context)) return true;
    const auth = context.switchToHttp().getRequest<Request>().auth;
    if (auth?.user.role !== 'ADMIN') {
      throw new DomainException('FORBIDDEN', 'Only practice administrators can do this.');
    }
    return true;
  }
}

/**
 * Third: while the practice requires 2FA, a user who has not enabled it reaches nothing but the enable flow. It
 * reads the practice row the session guard already loaded, so enforcement holds from the very next request.
 */
@Injectable()
export class TwoFactorEnrolmentGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    if (flag(this.reflector, IS_PUBLIC, context) || flag(this.reflector, ALLOW_WITHOUT_TWO_FACTOR, context)) {
      return true;
    }
    const auth = context.switchToHttp().getRequest<Request>().auth;
    if (auth && mustEnrolInTwoFactor(auth.user, auth.practice)) {
      throw new DomainException('TWO_FACTOR_ENROLMENT_REQUIRED', ENROLMENT_REQUIRED_MESSAGE);
    }
    return true;
  }
}

export function bearerToken(request: Request): string | null {
  const header = request.headers.authorization;
  if (typeof header !== 'string') return null;
  const match = /^Bearer\s+([A-Za-z0-9_-]{20,200})\s*$/i.exec(header);
  return match?.[1] ?? null;
}
