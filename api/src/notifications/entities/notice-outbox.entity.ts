import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { DateTimeColumn, ID_COLUMN } from '../../database/columns.js';

export type NoticeKind = 'PRACTICE_ENFORCEMENT' | 'ACCOUNT_EVENT';

/**
 * The intent to send notices, written in the same transaction as the change that causes them. The dispatcher
 * hands it to the queue and stamps `dispatchedAt`; while Redis is down it stays here and goes out later.
 */
@Entity('notice_outbox')
@Index('IDX_notice_outbox_pending', ['dispatchedAt', 'createdAt'])
export class NoticeOutbox {
  @PrimaryColumn(ID_COLUMN)
  id!: string;

  @Column({ type: 'varchar', length: 40 })
  kind!: NoticeKind;

  @Column({ name: 'practice_id', ...ID_COLUMN })
  practiceId!: string;

  /** JSON; its shape depends on `kind`. */
  @Column({ type: 'text' })
  payload!: string;

  @DateTimeColumn({ name: 'created_at' })
  createdAt!: Date;

  @DateTimeColumn({ name: 'dispatched_at', nullable: true })
  dispatchedAt!: Date | null;
}
