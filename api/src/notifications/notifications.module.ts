import { BullModule } from '@nestjs/bull';
import { type DynamicModule, Module } from '@nestjs/common';
import type { AppConfig } from '../config/app-config.js';
import { MailerService } from './mail/mailer.service.js';
import { NoticeDeliveryService } from './notice-delivery.service.js';
import { NoticeOutboxService } from './notice-outbox.service.js';
import { NotificationsController } from './notifications.controller.js';
import { NotificationsService } from './notifications.service.js';
import { BullNoticeQueue } from './queue/bull-notice-queue.js';
import { InProcessNoticeQueue } from './queue/in-process-notice-queue.js';
import { NOTICES_QUEUE, NoticeQueue } from './queue/notice-jobs.js';
import { NoticesProcessor } from './queue/notices.processor.js';

/**
 * In-app notices and emails. With REDIS_URL the notices queue is Bull on Redis; without it, the in-process queue
 * runs the very same processor.
 */
@Module({})
export class NotificationsModule {
  static forRoot(config: Pick<AppConfig, 'redisUrl' | 'queuePrefix'>): DynamicModule {
    const bull = config.redisUrl
      ? [BullModule.forRoot({ url: config.redisUrl, prefix: config.queuePrefix }), BullModule.registerQueue({ name: NOTICES_QUEUE })]
      : [];
    return {
      module: NotificationsModule,
      global: true,
      imports: bull,
      controllers: [NotificationsController],
      providers: [
        MailerService,
        NoticeOutboxService,
        NoticeDeliveryService,
        NotificationsService,
        NoticesProcessor,
        { provide: NoticeQueue, useClass: config.redisUrl ? BullNoticeQueue : InProcessNoticeQueue },
      ],
      exports: [NoticeOutboxService, NoticeQueue],
    };
  }
}
