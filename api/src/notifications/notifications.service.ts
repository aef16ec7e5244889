import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Notification as NotificationView } from '@practice-cloud/contracts';
import { DataSource, IsNull } from 'typeorm';
import { Clock } from '../common/clock.js';
import { notFound } from '../common/errors/domain.exception.js';
import { Notification } from './entities/notification.entity.js';

const LIST_LIMIT = 100;

@Injectable()
export class NotificationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async list(userId: string): Promise<NotificationView[]> {
    const rows = await this.dataSource
      .getRepository(Notification)
      .find({ where: { userId }, order: { createdAt: 'DESC', id: 'DESC' }, take: LIST_LIMIT });
    return rows.map((row) => ({
      id: row.id,
      type: row.type,
      title: row.title,
      message: row.message,
      createdAt: row.createdAt.toISOString(),
      readAt: row.readAt?.toISOString() ?? null,
    }));
  }

  async markRead(userId: string, id: string): Promise<void> {
    const repository = this.dataSource.getRepository(Notification);
    const notification = await repository.findOneBy({ id, userId });
    if (!notification) throw notFound('Notification');
    await repository.update({ id, userId, readAt: IsNull() }, { readAt: this.clock.now() });
  }
}
