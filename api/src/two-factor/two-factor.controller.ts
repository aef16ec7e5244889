import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import type { BackupCodesResponse, Profile, TrustedDevice, TwoFactorSetupResponse } from '@practice-cloud/contracts';
import { AllowWithoutTwoFactor, CurrentAuth } from '../common/auth/access-policy.decorators.js';
import type { AuthContext } from '../common/auth/auth-context.js';
import { IdParam } from '../common/dto/id-param.dto.js';
import { SessionsService } from '../auth/sessions.service.js';
import { DisableTwoFactorDto, EnableTwoFactorDto, TwoFactorCodeDto } from './dto/two-factor.dto.js';
import { TrustedDevicesService } from './trusted-devices.service.js';
import { TwoFactorService } from './two-factor.service.js';

/** Self-service 2FA. Reachable without 2FA on purpose: it is how an unenrolled user becomes compliant. */
@Controller('profile')
@AllowWithoutTwoFactor()
export class TwoFactorController {
  constructor(
    private readonly twoFactor: TwoFactorService,
    private readonly trustedDevices: TrustedDevicesService,
    private readonly sessions: SessionsService,
  ) {}

  @Post('two-factor/setup')
  setup(@CurrentAuth() auth: AuthContext): Promise<TwoFactorSetupResponse> {
    return this.twoFactor.startSetup(auth);
  }

  @Post('two-factor/verify')
  @HttpCode(200)
  verify(@CurrentAuth() auth: AuthContext, @Body() body: TwoFactorCodeDto): Promise<BackupCodesResponse> {
    return this.twoFactor.verifySetup(auth, body.code);
  }

  @Post('two-factor/enable')
  @HttpCode(200)
  enable(@CurrentAuth() auth: AuthContext, @Body() _body: EnableTwoFactorDto): Promise<Profile> {
    return this.twoFactor.enable(auth);
  }

  @Post('two-factor/disable')
  @HttpCode(204)
  disable(@CurrentAuth() auth: AuthContext, @Body() body: DisableTwoFactorDto): Promise<void> {
    return this.twoFactor.disable(auth, body.password);
  }

  @Post('two-factor/backup-codes')
  @HttpCode(200)
  regenerateBackupCodes(@CurrentAuth() auth: AuthContext, @Body() body: TwoFactorCodeDto): Promise<BackupCodesResponse> {
    return this.twoFactor.regenerateBackupCodes(auth, body.code);
  }

  @Get('trusted-devices')
  async trustedDeviceList(@CurrentAuth() auth: AuthContext): Promise<TrustedDevice[]> {
    return this.trustedDevices.list(auth.user.id, await this.sessions.trustedDeviceOf(auth.sessionId));
  }

  @Delete('trusted-devices/:id')
  @HttpCode(204)
  revokeTrustedDevice(@CurrentAuth() auth: AuthContext, @Param() { id }: IdParam): Promise<void> {
    return this.trustedDevices.revoke(auth.user.id, id);
  }
}
