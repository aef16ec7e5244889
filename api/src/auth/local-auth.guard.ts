import { type ExecutionContext, Injectable } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import type { Request } from 'express';
import { droppedKeyErrors, fieldErrorsOf, validationFailed } from '../common/validation/validation.pipe.js';
import { LoginDto } from './dto/login.dto.js';

/**
 * Runs passport-local, but validates the body first: guards run before pipes, and a malformed sign-in must get
 * the same 400 VALIDATION_FAILED as any other body rather than passport's bare "Missing credentials".
 */
@Injectable()
export class LocalAuthGuard extends AuthGuard('local') {
  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<Request>();
    const body = plainToInstance(LoginDto, request.body ?? {});
    const errors = [
      ...droppedKeyErrors(request.body),
      ...fieldErrorsOf(await validate(body, { whitelist: true, forbidNonWhitelisted: true })),
    ];
    if (errors.length > 0 || typeof request.body !== 'object' || Array.isArray(request.body)) throw validationFailed(errors);
    return (await super.canActivate(context)) as boolean;
  }

  /** Passport's own failures pass through as thrown by the strategy (INVALID_CREDENTIALS). */
  override handleRequest<TUser>(error: unknown, user: TUser): TUser {
    if (error) throw error instanceof Error ? error : new Error('Password sign-in failed');
    return user;
  }
}
