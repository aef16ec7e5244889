import type { Role } from '@practice-cloud/contracts';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { DateTimeColumn, ID_COLUMN } from '../../database/columns.js';

@Entity('users')
export class User {
  @PrimaryColumn(ID_COLUMN)
  id!: string;

  @Index('IDX_users_practice')
  @Column({ name: 'practice_id', ...ID_COLUMN })
  practiceId!: string;

  /** Stored lower-cased; sign-in looks it up the same way. */
  @Index('UQ_users_email', { unique: true })
  @Column({ type: 'varchar', length: 254 })
  email!: string;

  @Column({ name: 'password_hash', type: 'varchar', length: 255 })
  passwordHash!: string;

  @Column({ name: 'first_name', type: 'varchar', length: 100 })
  firstName!: string;

  @Column({ name: 'last_name', type: 'varchar', length: 100 })
  lastName!: string;

  @Column({ type: 'varchar', length: 16 })
  role!: Role;

  /** The working TOTP secret, sealed with AES-256-GCM; null while 2FA is off. */
  @Column({ name: 'totp_secret', type: 'text', nullable: true })
  totpSecret!: string | null;

  @DateTimeColumn({ name: 'two_factor_enabled_at', nullable: true })
  twoFactorEnabledAt!: Date | null;

  /** The last TOTP time step accepted for this user: a code works once, and only later steps are accepted. */
  @Column({ name: 'totp_last_step', type: 'integer', nullable: true })
  totpLastStep!: number | null;

  /** Wrong second-step codes in a row, across challenges; reset by a right one. */
  @Column({ name: 'two_factor_failures', type: 'integer', default: 0 })
  twoFactorFailures!: number;

  @DateTimeColumn({ name: 'two_factor_locked_until', nullable: true })
  twoFactorLockedUntil!: Date | null;

  @DateTimeColumn({ name: 'last_login_at', nullable: true })
  lastLoginAt!: Date | null;

  @DateTimeColumn({ name: 'created_at' })
  createdAt!: Date;
}
