import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import type { PracticeSettings, PracticeUser, UpdatePracticeSettingsResponse } from '@practice-cloud/contracts';
import { AdminOnly, CurrentAuth } from '../common/auth/access-policy.decorators.js';
import type { AuthContext } from '../common/auth/auth-context.js';
import { IdParam } from '../common/dto/id-param.dto.js';
import { CreatePracticeUserDto, UpdatePracticeSettingsDto } from './dto/practice.dto.js';
import { PracticeService } from './practice.service.js';

@Controller('practice')
@AdminOnly()
export class PracticeController {
  constructor(private readonly practice: PracticeService) {}

  @Get('settings')
  settings(@CurrentAuth() auth: AuthContext): Promise<PracticeSettings> {
    return this.practice.settings(auth);
  }

  @Patch('settings')
  updateSettings(@CurrentAuth() auth: AuthContext, @Body() body: UpdatePracticeSettingsDto): Promise<UpdatePracticeSettingsResponse> {
    return this.practice.updateSettings(auth, body.requireTwoFactor);
  }

  @Get('users')
  users(@CurrentAuth() auth: AuthContext): Promise<PracticeUser[]> {
    return this.practice.users(auth);
  }

  @Post('users')
  createUser(@CurrentAuth() auth: AuthContext, @Body() body: CreatePracticeUserDto): Promise<PracticeUser> {
    return this.practice.createUser(auth, body);
  }

  @Delete('users/:id/two-factor')
  @HttpCode(204)
  resetMemberTwoFactor(@CurrentAuth() auth: AuthContext, @Param() { id }: IdParam): Promise<void> {
    return this.practice.resetMemberTwoFactor(auth, id);
  }
}
