import { Controller, Get } from '@nestjs/common';
import type { Profile } from '@practice-cloud/contracts';
import { AllowWithoutTwoFactor, CurrentAuth } from '../common/auth/access-policy.decorators.js';
import type { AuthContext } from '../common/auth/auth-context.js';
import { ProfileService } from './profile.service.js';

@Controller('profile')
@AllowWithoutTwoFactor()
export class ProfileController {
  constructor(private readonly profiles: ProfileService) {}

  @Get()
  get(@CurrentAuth() { user, practice }: AuthContext): Promise<Profile> {
    return this.profiles.toProfile(user, practice);
  }
}
