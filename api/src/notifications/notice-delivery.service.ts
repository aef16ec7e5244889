import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { NotificationType } from '@practice-cloud/contracts';
import { DataSource } from 'typeorm';
import { Clock } from '../common/clock.js';
import { isUniqueViolation } from '../common/database-errors.js';
import { newId } from '../common/crypto/tokens.js';
import { Practice } from '../practice/entities/practice.entity.js';
import { User } from '../users/entities/user.entity.js';
import { EmailDelivery } from './entities/email-delivery.entity.js';
import { Notification } from './entities/notification.entity.js';
import { MailerService } from './mail/mailer.service.js';
import { noticeText } from './notice-texts.js';
import { type DeliverNoticeJob, type FanOutEnforcementJob, NoticeJob, NoticeQueue } from './queue/notice-jobs.js';

const FAN_OUT_CHUNK = 1000;

/** What the notices queue does. Every step is idempotent: a job may run twice and nothing is sent twice. */
@Injectable()
export class NoticeDeliveryService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly queue: NoticeQueue,
    private readonly mailer: MailerService,
    private readonly clock: Clock,
  ) {}

  /** One delivery job per member of the practice, queued in bulk. Returns how many were queued. */
  async fanOutEnforcement({ enforcementId, practiceId }: FanOutEnforcementJob): Promise<number> {
    const members = await this.dataSource
      .getRepository(User)
      .find({ select: { id: true, twoFactorEnabledAt: true }, where: { practiceId }, order: { id: 'ASC' } });
    for (let start = 0; start < members.length; start += FAN_OUT_CHUNK) {
      const chunk = members.slice(start, start + FAN_OUT_CHUNK);
      await this.queue.addBulk(
        chunk.map((member) => {
          const dedupeKey = `enforcement:${enforcementId}:${member.id}`;
          const type = member.twoFactorEnabledAt
            ? NotificationType.TWO_FACTOR_REQUIRED_INFO
            : NotificationType.TWO_FACTOR_REQUIRED;
          return { name: NoticeJob.DELIVER, jobId: dedupeKey, data: { dedupeKey, userId: member.id, type } };
        }),
      );
    }
    return members.length;
  }

  /** The in-app notification, then the email; each one only if this key has not produced it before. */
  async deliver({ dedupeKey, userId, type }: DeliverNoticeJob): Promise<void> {
    const user = await this.dataSource.getRepository(User).findOneBy({ id: userId });
    if (!user) return;
    const practice = await this.dataSource.getRepository(Practice).findOneByOrFail({ id: user.practiceId });
    const text = noticeText(type, practice.name);
    await this.ignoringDuplicates(() =>
      this.dataSource.getRepository(Notification).insert({
        id: newId(),
        userId,
        type,
        title: text.title,
        message: text.message,
        dedupeKey,
        createdAt: this.clock.now(),
        readAt: null,
      }),
    );
    await this.sendOnce(dedupeKey, { to: user.email, subject: text.emailSubject, text: `${text.message}\n\n— Practice Cloud` });
  }

  /**
   * Records the email before sending and stamps it after. A crash between the two can resend one email on retry;
   * the other order could lose it, and a lost security notice is worse than a repeated one.
   */
  private async sendOnce(dedupeKey: string, email: { to: string; subject: string; text: string }): Promise<void> {
    const repository = this.dataSource.getRepository(EmailDelivery);
    await this.ignoringDuplicates(() =>
      repository.insert({ id: newId(), dedupeKey, recipient: email.to, subject: email.subject, createdAt: this.clock.now(), sentAt: null }),
    );
    const delivery = await repository.findOneByOrFail({ dedupeKey });
    if (delivery.sentAt) return;
    await this.mailer.send(email);
    await repository.update({ id: delivery.id }, { sentAt: this.clock.now() });
  }

  private async ignoringDuplicates(insert: () => Promise<unknown>): Promise<void> {
    try {
      await insert();
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
    }
  }
}
