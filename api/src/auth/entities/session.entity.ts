import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { DateTimeColumn, ID_COLUMN } from '../../database/columns.js';

/** A signed-in session. The bearer token is handed out once; only its SHA-256 digest is kept. */
@Entity('sessions')
export class Session {
  @PrimaryColumn(ID_COLUMN)
  id!: string;

  @Index('IDX_sessions_user')
  @Column({ name: 'user_id', ...ID_COLUMN })
  userId!: string;

  @Index('UQ_sessions_token_hash', { unique: true })
  @Column({ name: 'token_hash', type: 'varchar', length: 64 })
  tokenHash!: string;

  /** The trusted device this session signed in with or registered, so the device list can mark it as current. */
  @Column({ name: 'trusted_device_id', type: 'varchar', length: 36, nullable: true })
  trustedDeviceId!: string | null;

  @DateTimeColumn({ name: 'created_at' })
  createdAt!: Date;

  @DateTimeColumn({ name: 'expires_at' })
  expiresAt!: Date;

  @DateTimeColumn({ name: 'revoked_at', nullable: true })
  revokedAt!: Date | null;
}
