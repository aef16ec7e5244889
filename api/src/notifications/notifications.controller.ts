import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import type { Notification } from '@practice-cloud/contracts';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AllowWithoutTwoFactor, CurrentAuth } from '../common/auth/access-policy.decorators.js';
import type { AuthContext } from '../common/auth/auth-context.js';
import { IdParam } from '../common/dto/id-param.dto.js';
import { ApiErrors } from '../common/openapi/api-errors.decorator.js';
import { NotificationSchema } from '../common/openapi/response-schemas.js';
import { NotificationsService } from './notifications.service.js';

/** Any signed-in user reads their notices, including the Unauthorised one that tells them to enable 2FA. */
@ApiTags('notifications')
@ApiBearerAuth('bearer')
@ApiErrors('UNAUTHENTICATED')
@Controller('notifications')
@AllowWithoutTwoFactor()
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  @ApiOkResponse({ type: [NotificationSchema], description: 'Newest first.' })
  list(@CurrentAuth() auth: AuthContext): Promise<Notification[]> {
    return this.notifications.list(auth.user.id);
  }

  @Post(':id/read')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Marked as read.' })
  @ApiErrors('VALIDATION_FAILED', 'NOT_FOUND')
  markRead(@CurrentAuth() auth: AuthContext, @Param() { id }: IdParam): Promise<void> {
    return this.notifications.markRead(auth.user.id, id);
  }
}
