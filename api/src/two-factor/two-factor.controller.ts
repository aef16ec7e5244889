import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import type { BackupCodesResponse, Profile, TrustedDevice, TwoFactorSetupResponse } from '@practice-cloud/contracts';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AllowWithoutTwoFactor, CurrentAuth } from '../common/auth/access-policy.decorators.js';
import type { AuthContext } from '../common/auth/auth-context.js';
import { IdParam } from '../common/dto/id-param.dto.js';
import { ApiErrors } from '../common/openapi/api-errors.decorator.js';
import {
  BackupCodesResponseSchema,
  ProfileSchema,
  TrustedDeviceSchema,
  TwoFactorSetupResponseSchema,
} from '../common/openapi/response-schemas.js';
import { SessionsService } from '../auth/sessions.service.js';
import { DisableTwoFactorDto, EnableTwoFactorDto, TwoFactorCodeDto } from './dto/two-factor.dto.js';
import { TrustedDevicesService } from './trusted-devices.service.js';
import { TwoFactorService } from './two-factor.service.js';

/** Self-service 2FA. Reachable without 2FA on purpose: it is how an unenrolled user becomes compliant. */
@ApiTags('two-factor')
@ApiBearerAuth('bearer')
@ApiErrors('UNAUTHENTICATED')
@Controller('profile')
@AllowWithoutTwoFactor()
export class TwoFactorController {
  constructor(
    private readonly twoFactor: TwoFactorService,
    private readonly trustedDevices: TrustedDevicesService,
    private readonly sessions: SessionsService,
  ) {}

  @Post('two-factor/setup')
  @ApiCreatedResponse({ type: TwoFactorSetupResponseSchema, description: 'A pending setup, good for 15 minutes; nothing is enabled yet.' })
  @ApiErrors('TWO_FACTOR_ALREADY_ENABLED')
  setup(@CurrentAuth() auth: AuthContext): Promise<TwoFactorSetupResponse> {
    return this.twoFactor.startSetup(auth);
  }

  @Post('two-factor/verify')
  @HttpCode(200)
  @ApiOkResponse({ type: BackupCodesResponseSchema })
  @ApiErrors('VALIDATION_FAILED', 'INVALID_TWO_FACTOR_CODE', 'TWO_FACTOR_SETUP_NOT_STARTED', 'TWO_FACTOR_ALREADY_ENABLED')
  verify(@CurrentAuth() auth: AuthContext, @Body() body: TwoFactorCodeDto): Promise<BackupCodesResponse> {
    return this.twoFactor.verifySetup(auth, body.code);
  }

  @Post('two-factor/enable')
  @HttpCode(200)
  @ApiOkResponse({ type: ProfileSchema, description: 'Ends the other sessions of the user; this one stays valid.' })
  @ApiErrors('VALIDATION_FAILED', 'TWO_FACTOR_SETUP_NOT_STARTED', 'TWO_FACTOR_SETUP_NOT_VERIFIED')
  enable(@CurrentAuth() auth: AuthContext, @Body() _body: EnableTwoFactorDto): Promise<Profile> {
    return this.twoFactor.enable(auth);
  }

  @Post('two-factor/disable')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Deletes the secret, the backup codes and the trusted devices; all sessions end.' })
  @ApiErrors('VALIDATION_FAILED', 'INVALID_PASSWORD', 'TWO_FACTOR_NOT_ENABLED', 'TWO_FACTOR_REQUIRED_BY_PRACTICE', 'TOO_MANY_ATTEMPTS')
  disable(@CurrentAuth() auth: AuthContext, @Body() body: DisableTwoFactorDto): Promise<void> {
    return this.twoFactor.disable(auth, body.password);
  }

  @Post('two-factor/backup-codes')
  @HttpCode(200)
  @ApiOkResponse({ type: BackupCodesResponseSchema, description: 'All earlier backup codes stop working.' })
  @ApiErrors('VALIDATION_FAILED', 'INVALID_TWO_FACTOR_CODE', 'TWO_FACTOR_NOT_ENABLED', 'TOO_MANY_ATTEMPTS')
  regenerateBackupCodes(@CurrentAuth() auth: AuthContext, @Body() body: TwoFactorCodeDto): Promise<BackupCodesResponse> {
    return this.twoFactor.regenerateBackupCodes(auth, body.code);
  }

  @Get('trusted-devices')
  @ApiOkResponse({ type: [TrustedDeviceSchema] })
  async trustedDeviceList(@CurrentAuth() auth: AuthContext): Promise<TrustedDevice[]> {
    return this.trustedDevices.list(auth.user.id, await this.sessions.trustedDeviceOf(auth.sessionId));
  }

  @Delete('trusted-devices/:id')
  @HttpCode(204)
  @ApiNoContentResponse({
    description: 'The computer is no longer trusted, and its sessions end (the session making this request stays).',
  })
  @ApiErrors('VALIDATION_FAILED', 'NOT_FOUND')
  revokeTrustedDevice(@CurrentAuth() auth: AuthContext, @Param() { id }: IdParam): Promise<void> {
    return this.trustedDevices.revoke(auth, id);
  }
}
