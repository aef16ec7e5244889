import type { NotificationType } from '@practice-cloud/contracts';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { DateTimeColumn, ID_COLUMN } from '../../database/columns.js';

/** An in-app notice. `dedupeKey` makes delivery idempotent: a job that runs twice creates it once. */
@Entity('notifications')
@Index('IDX_notifications_user_created', ['userId', 'createdAt'])
export class Notification {
  @PrimaryColumn(ID_COLUMN)
  id!: string;

  @Column({ name: 'user_id', ...ID_COLUMN })
  userId!: string;

  @Column({ type: 'varchar', length: 40 })
  type!: NotificationType;

  @Column({ type: 'varchar', length: 200 })
  title!: string;

  @Column({ type: 'text' })
  message!: string;

  @Index('UQ_notifications_dedupe_key', { unique: true })
  @Column({ name: 'dedupe_key', type: 'varchar', length: 200 })
  dedupeKey!: string;

  @DateTimeColumn({ name: 'created_at' })
  createdAt!: Date;

  @DateTimeColumn({ name: 'read_at', nullable: true })
  readAt!: Date | null;
}
