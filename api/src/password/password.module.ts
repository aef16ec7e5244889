import { Module } from '@nestjs/common';
import { TwoFactorModule } from '../two-factor/two-factor.module.js';
import { PasswordController } from './password.controller.js';
import { PasswordService } from './password.service.js';

@Module({
  imports: [TwoFactorModule],
  controllers: [PasswordController],
  providers: [PasswordService],
})
export class PasswordModule {}
