import {
  applyDecorators,
  type CanActivate,
  type ExecutionContext,
  Injectable,
  SetMetadata,
  UseGuards,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { DomainException } from '../errors/domain.exception.js';
import { SignInAttempts, type SignInStep } from './sign-in-attempts.service.js';

const SIGN_IN_STEP = 'practice-cloud:sign-in-step';

/** Counts the attempt against the client IP and the account before anything is checked; over a limit, 429. */
@Injectable()
export class SignInThrottleGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly attempts: SignInAttempts,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const step = this.reflector.get<SignInStep>(SIGN_IN_STEP, context.getHandler());
    const retryAfterSeconds = await this.attempts.record(step, context.switchToHttp().getRequest<Request>());
    if (retryAfterSeconds !== null) {
      throw new DomainException('TOO_MANY_ATTEMPTS', 'Too many sign-in attempts. Try again later.', { retryAfterSeconds });
    }
    return true;
  }
}

/**
 * Puts a sign-in route under the per-IP and per-account limits. Place it BELOW the route's other `@UseGuards`:
 * guards declared lower run first, and the attempt must count before the password is even checked.
 */
export const ThrottleSignIn = (step: SignInStep) => applyDecorators(SetMetadata(SIGN_IN_STEP, step), UseGuards(SignInThrottleGuard));
