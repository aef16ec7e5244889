import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import type { PracticeSettings, PracticeUser, UpdatePracticeSettingsResponse } from '@practice-cloud/contracts';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AdminOnly, CurrentAuth } from '../common/auth/access-policy.decorators.js';
import type { AuthContext } from '../common/auth/auth-context.js';
import { IdParam } from '../common/dto/id-param.dto.js';
import { ApiErrors } from '../common/openapi/api-errors.decorator.js';
import { PracticeSettingsSchema, PracticeUserSchema, UpdatePracticeSettingsResponseSchema } from '../common/openapi/response-schemas.js';
import { CreatePracticeUserDto, UpdatePracticeSettingsDto } from './dto/practice.dto.js';
import { PracticeService } from './practice.service.js';

@ApiTags('practice')
@ApiBearerAuth('bearer')
@ApiErrors('UNAUTHENTICATED', 'TWO_FACTOR_ENROLMENT_REQUIRED', 'FORBIDDEN')
@Controller('practice')
@AdminOnly()
export class PracticeController {
  constructor(private readonly practice: PracticeService) {}

  @Get('settings')
  @ApiOkResponse({ type: PracticeSettingsSchema })
  settings(@CurrentAuth() auth: AuthContext): Promise<PracticeSettings> {
    return this.practice.settings(auth);
  }

  @Patch('settings')
  @ApiOkResponse({ type: UpdatePracticeSettingsResponseSchema, description: 'Turning it on queues one notice per member.' })
  @ApiErrors('VALIDATION_FAILED', 'ADMIN_TWO_FACTOR_REQUIRED')
  updateSettings(@CurrentAuth() auth: AuthContext, @Body() body: UpdatePracticeSettingsDto): Promise<UpdatePracticeSettingsResponse> {
    return this.practice.updateSettings(auth, body.requireTwoFactor);
  }

  @Get('users')
  @ApiOkResponse({ type: [PracticeUserSchema] })
  users(@CurrentAuth() auth: AuthContext): Promise<PracticeUser[]> {
    return this.practice.users(auth);
  }

  @Post('users')
  @ApiCreatedResponse({ type: PracticeUserSchema })
  @ApiErrors('VALIDATION_FAILED', 'EMAIL_TAKEN')
  createUser(@CurrentAuth() auth: AuthContext, @Body() body: CreatePracticeUserDto): Promise<PracticeUser> {
    return this.practice.createUser(auth, body);
  }

  @Delete('users/:id/two-factor')
  @HttpCode(204)
  @ApiNoContentResponse({
    description:
      "The member's secret, backup codes, trusted devices and sessions are removed; the member is notified. " +
      'For a member without 2FA there is nothing to reset: 204, and nothing changes.',
  })
  @ApiErrors('VALIDATION_FAILED', 'NOT_FOUND')
  resetMemberTwoFactor(@CurrentAuth() auth: AuthContext, @Param() { id }: IdParam): Promise<void> {
    return this.practice.resetMemberTwoFactor(auth, id);
  }
}
