import { Column, Entity, PrimaryColumn } from 'typeorm';
import { DateTimeColumn, ID_COLUMN } from '../../database/columns.js';

/**
 * An enrolment in progress. It lives apart from the user's row so that nothing about sign-in changes until
 * "Verify and Enable", and a new setup can never overwrite a working secret.
 */
@Entity('two_factor_setups')
export class TwoFactorSetup {
  @PrimaryColumn({ name: 'user_id', ...ID_COLUMN })
  userId!: string;

  /** Sealed with AES-256-GCM, like the working secret. */
  @Column({ type: 'text' })
  secret!: string;

  @DateTimeColumn({ name: 'expires_at' })
  expiresAt!: Date;

  /** The time step of the code that verified this setup; it becomes the user's last used step on enable. */
  @Column({ name: 'verified_step', type: 'integer', nullable: true })
  verifiedStep!: number | null;

  /** Argon2id hashes of the backup codes shown at verification (JSON array), moved to backup_codes on enable. */
  @Column({ name: 'backup_code_hashes', type: 'text', nullable: true })
  backupCodeHashes!: string | null;

  @DateTimeColumn({ name: 'created_at' })
  createdAt!: Date;
}
