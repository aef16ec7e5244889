import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { DateTimeColumn, ID_COLUMN } from '../../database/columns.js';

/** One email we meant to send. The unique key makes a retried job skip an email that already went out. */
@Entity('email_deliveries')
export class EmailDelivery {
  @PrimaryColumn(ID_COLUMN)
  id!: string;

  @Index('UQ_email_deliveries_dedupe_key', { unique: true })
  @Column({ name: 'dedupe_key', type: 'varchar', length: 200 })
  dedupeKey!: string;

  @Column({ type: 'varchar', length: 254 })
  recipient!: string;

  @Column({ type: 'varchar', length: 200 })
  subject!: string;

  @DateTimeColumn({ name: 'created_at' })
  createdAt!: Date;

  @DateTimeColumn({ name: 'sent_at', nullable: true })
  sentAt!: Date | null;
}
