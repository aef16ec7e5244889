import { Controller, Get } from '@nestjs/common';
import type { Profile } from '@practice-cloud/contracts';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AllowWithoutTwoFactor, CurrentAuth } from '../common/auth/access-policy.decorators.js';
import type { AuthContext } from '../common/auth/auth-context.js';
import { ApiErrors } from '../common/openapi/api-errors.decorator.js';
import { ProfileSchema } from '../common/openapi/response-schemas.js';
import { ProfileService } from './profile.service.js';

@ApiTags('profile')
@ApiBearerAuth('bearer')
@Controller('profile')
@AllowWithoutTwoFactor()
export class ProfileController {
  constructor(private readonly profiles: ProfileService) {}

  @Get()
  @ApiOkResponse({ type: ProfileSchema })
  @ApiErrors('UNAUTHENTICATED')
  get(@CurrentAuth() { user, practice }: AuthContext): Promise<Profile> {
    return this.profiles.toProfile(user, practice);
  }
}
