import { Module } from '@nestjs/common';
import { PassportModule } from '@nestjs/passport';
import { ProfileModule } from '../profile/profile.module.js';
import { TwoFactorModule } from '../two-factor/two-factor.module.js';
import { AuthController } from './auth.controller.js';
import { AuthService } from './auth.service.js';
import { LocalStrategy } from './local.strategy.js';

@Module({
  imports: [PassportModule, ProfileModule, TwoFactorModule],
  controllers: [AuthController],
  providers: [AuthService, LocalStrategy],
})
export class AuthModule {}
