import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from '../../../migrations/index.js';
import type { AppConfig } from '../config/app-config.js';
import { ENTITIES } from './entities.js';

/**
 * MySQL/MariaDB when DATABASE_URL is set, otherwise the embedded SQLite file. Never `synchronize`: the schema
 * comes from the migrations, which the app applies at start.
 */
export function dataSourceOptions(config: Pick<AppConfig, 'database'>): DataSourceOptions {
  const common = { entities: ENTITIES, migrations: MIGRATIONS, synchronize: false, migrationsRun: false } as const;
  if (config.database.kind === 'mysql') {
    return {
      ...common,
      // 'mariadb' rather than 'mysql': with MariaDB servers the 'mysql' driver reports false drift on nullable columns.
      type: 'mariadb',
      url: config.database.url,
      timezone: 'Z',
      dateStrings: false,
      charset: 'utf8mb4_unicode_ci',
      extra: { connectionLimit: 10 },
    };
  }
  mkdirSync(dirname(config.database.file), { recursive: true, mode: 0o700 });
  return {
    ...common,
    type: 'better-sqlite3',
    database: config.database.file,
    // SQLite allows one writer at a time; WAL lets readers carry on while it writes.
    enableWAL: true,
    prepareDatabase: (db: { pragma(statement: string): unknown }) => {
      db.pragma('busy_timeout = 5000');
    },
  };
}
