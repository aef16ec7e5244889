import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { DateTimeColumn, ID_COLUMN } from '../../database/columns.js';

/** "Don't ask again on this computer": a random token bound to one user, stored as a SHA-256 digest. */
@Entity('trusted_devices')
export class TrustedDevice {
  @PrimaryColumn(ID_COLUMN)
  id!: string;

  @Index('IDX_trusted_devices_user')
  @Column({ name: 'user_id', ...ID_COLUMN })
  userId!: string;

  @Index('UQ_trusted_devices_token_hash', { unique: true })
  @Column({ name: 'token_hash', type: 'varchar', length: 64 })
  tokenHash!: string;

  @Column({ type: 'varchar', length: 200 })
  label!: string;

  @DateTimeColumn({ name: 'created_at' })
  createdAt!: Date;

  @DateTimeColumn({ name: 'last_used_at', nullable: true })
  lastUsedAt!: Date | null;

  @DateTimeColumn({ name: 'expires_at' })
  expiresAt!: Date;
}
