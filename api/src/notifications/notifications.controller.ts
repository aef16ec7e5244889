import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import type { Notification } from '@practice-cloud/contracts';
import { AllowWithoutTwoFactor, CurrentAuth } from '../common/auth/access-policy.decorators.js';
import type { AuthContext } from '../common/auth/auth-context.js';
import { IdParam } from '../common/dto/id-param.dto.js';
import { NotificationsService } from './notifications.service.js';

/** Any signed-in user reads their notices, including the Unauthorised one that tells them to enable 2FA. */
@Controller('notifications')
@AllowWithoutTwoFactor()
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  list(@CurrentAuth() auth: AuthContext): Promise<Notification[]> {
    return this.notifications.list(auth.user.id);
  }

  @Post(':id/read')
  @HttpCode(204)
  markRead(@CurrentAuth() auth: AuthContext, @Param() { id }: IdParam): Promise<void> {
    return this.notifications.markRead(auth.user.id, id);
  }
}
