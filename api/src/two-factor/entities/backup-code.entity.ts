import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { DateTimeColumn, ID_COLUMN } from '../../database/columns.js';

/** One single-use backup code, kept only as a salted argon2id hash. */
@Entity('backup_codes')
export class BackupCode {
  @PrimaryColumn(ID_COLUMN)
  id!: string;

  @Index('IDX_backup_codes_user')
  @Column({ name: 'user_id', ...ID_COLUMN })
  userId!: string;

  @Column({ name: 'code_hash', type: 'varchar', length: 255 })
  codeHash!: string;

  @DateTimeColumn({ name: 'created_at' })
  createdAt!: Date;

  @DateTimeColumn({ name: 'used_at', nullable: true })
  usedAt!: Date | null;
}
