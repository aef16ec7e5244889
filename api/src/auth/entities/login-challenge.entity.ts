import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { DateTimeColumn, ID_COLUMN } from '../../database/columns.js';

/** The half-finished sign-in between the password and the second step: good for 5 minutes and 5 wrong codes. */
@Entity('login_challenges')
export class LoginChallenge {
  @PrimaryColumn(ID_COLUMN)
  id!: string;

  @Index('IDX_login_challenges_user')
  @Column({ name: 'user_id', ...ID_COLUMN })
  userId!: string;

  @Index('UQ_login_challenges_token_hash', { unique: true })
  @Column({ name: 'token_hash', type: 'varchar', length: 64 })
  tokenHash!: string;

  @Column({ name: 'failed_attempts', type: 'integer', default: 0 })
  failedAttempts!: number;

  @DateTimeColumn({ name: 'created_at' })
  createdAt!: Date;

  @DateTimeColumn({ name: 'expires_at' })
  expiresAt!: Date;

  @DateTimeColumn({ name: 'consumed_at', nullable: true })
  consumedAt!: Date | null;
}
