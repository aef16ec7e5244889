import { Body, Controller, Headers, HttpCode, Inject, Post, Req, Res, UseGuards } from '@nestjs/common';
import type { LoginResponse } from '@practice-cloud/contracts';
import { ApiBearerAuth, ApiExtraModels, ApiNoContentResponse, ApiOkResponse, ApiTags, getSchemaPath } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { AllowWithoutTwoFactor, CurrentAuth, Public } from '../common/auth/access-policy.decorators.js';
import type { AuthContext } from '../common/auth/auth-context.js';
import { ApiErrors } from '../common/openapi/api-errors.decorator.js';
import { AuthenticatedResponseSchema, TwoFactorRequiredResponseSchema } from '../common/openapi/response-schemas.js';
import { ThrottleSignIn } from '../common/throttling/sign-in-throttle.guard.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import type { User } from '../users/entities/user.entity.js';
import { AuthService } from './auth.service.js';
import { LoginDto, LoginTwoFactorDto } from './dto/login.dto.js';
import { LocalAuthGuard } from './local-auth.guard.js';

export const TRUSTED_DEVICE_COOKIE = 'trusted_device';

@ApiTags('auth')
@ApiExtraModels(AuthenticatedResponseSchema, TwoFactorRequiredResponseSchema)
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The password step (passport-local). A browser may send its trusted-device token as a cookie instead. */
  @Public()
  @UseGuards(LocalAuthGuard)
  @ThrottleSignIn('password')
  @Post('login')
  @HttpCode(200)
  @ApiOkResponse({
    description: 'AUTHENTICATED, or TWO_FACTOR_REQUIRED with a challenge for the second step.',
    schema: { oneOf: [{ $ref: getSchemaPath(AuthenticatedResponseSchema) }, { $ref: getSchemaPath(TwoFactorRequiredResponseSchema) }] },
  })
  @ApiErrors('VALIDATION_FAILED', 'INVALID_CREDENTIALS', 'TOO_MANY_ATTEMPTS')
  login(@Req() request: Request & { user: User }, @Body() body: LoginDto): Promise<LoginResponse> {
    const cookie = (request.cookies as Record<string, string> | undefined)?.[TRUSTED_DEVICE_COOKIE];
    return this.auth.signIn(request.user, body.trustedDeviceToken ?? cookie);
  }

  /** The code step: a TOTP code or a backup code, and optionally "Don't ask again on this computer". */
  @Public()
  @ThrottleSignIn('code')
  @Post('login/two-factor')
  @HttpCode(200)
  @ApiOkResponse({ type: AuthenticatedResponseSchema, description: 'Sets the `trusted_device` cookie with `rememberDevice: true`.' })
  @ApiErrors('VALIDATION_FAILED', ['INVALID_TWO_FACTOR_CODE', 401], 'CHALLENGE_EXPIRED', 'TOO_MANY_ATTEMPTS')
  async loginTwoFactor(
    @Body() body: LoginTwoFactorDto,
    @Headers('user-agent') userAgent: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<LoginResponse> {
    const result = await this.auth.completeTwoFactor(body, userAgent);
    if (result.trustedDevice) {
      response.cookie(TRUSTED_DEVICE_COOKIE, result.trustedDevice.token, {
        httpOnly: true,
        sameSite: 'strict',
        secure: this.config.env !== 'development' && this.config.env !== 'test',
        path: '/api/auth',
        expires: result.trustedDevice.expiresAt,
      });
    }
    return result.response;
  }

  @Post('logout')
  @AllowWithoutTwoFactor()
  @HttpCode(204)
  @ApiBearerAuth('bearer')
  @ApiNoContentResponse({ description: 'The session of the access token is revoked.' })
  @ApiErrors('UNAUTHENTICATED')
  logout(@CurrentAuth() auth: AuthContext): Promise<void> {
    return this.auth.logout(auth.sessionId);
  }
}
