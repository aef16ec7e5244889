import { DataSource } from 'typeorm';
import { type AppConfig, ConfigError } from '../config/app-config.js';
import { dataSourceOptions } from './data-source-options.js';

/**
 * The MySQL answers that retrying cannot change: DATABASE_URL names a database the server does not have, or a user
 * it refuses. Anything else (the server still starting, a network hiccup) is worth the app's retries.
 */
export function databaseConfigurationProblem(error: unknown, databaseUrl: string): ConfigError | null {
  const code = (error as { code?: unknown } | null)?.code;
  const url = new URL(databaseUrl);
  const database = decodeURIComponent(url.pathname.slice(1));
  const user = decodeURIComponent(url.username) || '(none)';
  switch (code) {
    case 'ER_BAD_DB_ERROR':
      return new ConfigError(
        `DATABASE_URL: database ${database} does not exist; create it with ` +
          `CREATE DATABASE \`${database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`,
      );
    case 'ER_ACCESS_DENIED_ERROR':
    case 'ER_ACCESS_DENIED_NO_PASSWORD_ERROR':
      return new ConfigError(`DATABASE_URL: the server refused user ${user}; check the user name and password`);
    case 'ER_DBACCESS_DENIED_ERROR':
      return new ConfigError(`DATABASE_URL: user ${user} may not use database ${database}; GRANT ALL ON \`${database}\`.* TO it`);
    default:
      return null;
  }
}

/**
 * Opens the configured database once, so that a configuration problem stops the start with one line rather than
 * ten retries with stack traces. Other failures are left to the caller's retries.
 */
export async function checkDatabaseConfiguration(config: Pick<AppConfig, 'database'>): Promise<void> {
  if (config.database.kind !== 'mysql') return;
  const dataSource = new DataSource(dataSourceOptions(config));
  try {
    await dataSource.initialize();
  } catch (error) {
    const problem = databaseConfigurationProblem(error, config.database.url);
    if (problem) throw problem;
    return;
  }
  await dataSource.destroy();
}
