import { Column, Entity, PrimaryColumn } from 'typeorm';
import { DateTimeColumn, ID_COLUMN } from '../../database/columns.js';

@Entity('practices')
export class Practice {
  @PrimaryColumn(ID_COLUMN)
  id!: string;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Column({ name: 'require_two_factor', type: 'boolean', default: false })
  requireTwoFactor!: boolean;

  @DateTimeColumn({ name: 'require_two_factor_since', nullable: true })
  requireTwoFactorSince!: Date | null;

  @DateTimeColumn({ name: 'created_at' })
  createdAt!: Date;
}
