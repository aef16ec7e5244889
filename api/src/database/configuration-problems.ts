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

/** The answers of a MySQL server that could not be reached at all: refused, not found, not answering, cut off. */
const UNREACHABLE_CODES = ['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'PROTOCOL_CONNECTION_LOST'];

/** What SQLite says (in its extended codes too) when the file cannot be opened or written, or is not a database. */
const UNUSABLE_FILE_CODE = /^SQLITE_(CANTOPEN|READONLY|NOTADB|PERM|FULL|IOERR)/;

/**
 * Why the operators' CLI could not use the configured database, as one line, or null for a failure that is not the
 * environment's (that one keeps its stack). The app retries an unreachable server at start, as it may still be
 * starting; the CLI runs once, so for it an unreachable server or an unusable DATA_DIR is as final as a wrong
 * database name. The line names the host and port, never DATABASE_URL itself, which holds the password.
 */
export function databaseProblem(error: unknown, database: AppConfig['database']): ConfigError | null {
  const { code, syscall } = (error ?? {}) as { code?: unknown; syscall?: unknown };
  if (database.kind === 'mysql') {
    const problem = databaseConfigurationProblem(error, database.url);
    if (problem || !UNREACHABLE_CODES.includes(String(code))) return problem;
    const url = new URL(database.url);
    return new ConfigError(
      `DATABASE_URL: the server at ${url.hostname}:${url.port || 3306} is not reachable (${String(code)}); ` +
        'check the host and port, and that the server is running',
    );
  }
  // A file-system error (it has a syscall) or SQLite's own: creating the folder or opening the file failed.
  if (typeof code !== 'string' || (typeof syscall !== 'string' && !UNUSABLE_FILE_CODE.test(code))) return null;
  return new ConfigError(`DATA_DIR: the database file ${database.file} cannot be opened or created (${code}); check the folder and its permissions`);
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
