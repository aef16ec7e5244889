import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiTags } from '@nestjs/swagger';
import { AllowWithoutTwoFactor, CurrentAuth } from '../common/auth/access-policy.decorators.js';
import type { AuthContext } from '../common/auth/auth-context.js';
import { ApiErrors } from '../common/openapi/api-errors.decorator.js';
import { ChangePasswordDto } from './dto/change-password.dto.js';
import { PasswordService } from './password.service.js';

@ApiTags('profile')
@ApiBearerAuth('bearer')
@Controller('profile')
// Replacing a password is never held back by outstanding 2FA enrolment: it is how a person responds to a leak.
@AllowWithoutTwoFactor()
export class PasswordController {
  constructor(private readonly passwords: PasswordService) {}

  @Post('password')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'The new password is set; every other session of the user ends, and the user is emailed.' })
  @ApiErrors('VALIDATION_FAILED', 'INVALID_PASSWORD', 'TOO_MANY_ATTEMPTS')
  change(@CurrentAuth() auth: AuthContext, @Body() body: ChangePasswordDto): Promise<void> {
    return this.passwords.change(auth, body);
  }
}
