import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { DateTimeColumn, ID_COLUMN } from '../../database/columns.js';

/** A client file: the protected resource. `code` is the practice's own short reference, unique in the practice. */
@Entity('clients')
@Index('UQ_clients_practice_code', ['practiceId', 'code'], { unique: true })
export class Client {
  @PrimaryColumn(ID_COLUMN)
  id!: string;

  @Column({ name: 'practice_id', ...ID_COLUMN })
  practiceId!: string;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Column({ type: 'varchar', length: 32 })
  code!: string;

  @DateTimeColumn({ name: 'created_at' })
  createdAt!: Date;

  @DateTimeColumn({ name: 'updated_at' })
  updatedAt!: Date;
}
