import { Column, type ColumnOptions } from 'typeorm';

/**
 * Column shapes shared by every entity, chosen so one set of migrations fits MySQL/MariaDB and SQLite alike:
 * UUID primary keys as varchar(36), times as datetime with milliseconds (always UTC).
 */
export const ID_COLUMN = { type: 'varchar', length: 36 } as const;

export const DateTimeColumn = (options: Omit<ColumnOptions, 'type' | 'precision'> = {}) =>
  Column({ type: 'datetime', precision: 3, ...options });
