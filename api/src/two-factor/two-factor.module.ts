import { Module } from '@nestjs/common';
import { ProfileModule } from '../profile/profile.module.js';
import { BackupCodesService } from './backup-codes.service.js';
import { TotpService } from './totp.service.js';
import { TrustedDevicesService } from './trusted-devices.service.js';
import { TwoFactorAttemptsService } from './two-factor-attempts.service.js';
import { TwoFactorController } from './two-factor.controller.js';
import { TwoFactorService } from './two-factor.service.js';

@Module({
  imports: [ProfileModule],
  controllers: [TwoFactorController],
  providers: [TwoFactorService, TotpService, BackupCodesService, TrustedDevicesService, TwoFactorAttemptsService],
  exports: [TwoFactorService, TotpService, BackupCodesService, TrustedDevicesService, TwoFactorAttemptsService],
})
export class TwoFactorModule {}
