import { describe, expect, it } from '@jest/globals';
import { ConfigError } from '../config/app-config.js';
import { databaseConfigurationProblem, databaseProblem } from './configuration-problems.js';

const URL_WITH_SECRET = 'mysql://app:s3cret-pa55@db.example:3306/practice_cloud';

describe('databaseConfigurationProblem', () => {
  it.each([
    ['ER_BAD_DB_ERROR', /^DATABASE_URL: database practice_cloud does not exist; create it with CREATE DATABASE `practice_cloud`/],
    ['ER_ACCESS_DENIED_ERROR', /^DATABASE_URL: the server refused user app; check the user name and password$/],
    ['ER_DBACCESS_DENIED_ERROR', /^DATABASE_URL: user app may not use database practice_cloud/],
  ])('%s is a configuration error, named without the password', (code, message) => {
    const problem = databaseConfigurationProblem(Object.assign(new Error('driver text'), { code }), URL_WITH_SECRET);
    expect(problem).toBeInstanceOf(ConfigError);
    expect(problem?.message).toMatch(message);
    expect(problem?.message).not.toContain('s3cret-pa55');
  });

  it.each(['ECONNREFUSED', 'ETIMEDOUT', 'PROTOCOL_CONNECTION_LOST', undefined])('%s is worth retrying', (code) => {
    expect(databaseConfigurationProblem(Object.assign(new Error('x'), { code }), URL_WITH_SECRET)).toBeNull();
  });
});

describe('databaseProblem (the operators\' CLI, which does not retry)', () => {
  const mysql = { kind: 'mysql', url: URL_WITH_SECRET } as const;
  const sqlite = { kind: 'sqlite', file: '/srv/data/practice-cloud.sqlite' } as const;
  const failure = (code: string, extra: object = {}) => Object.assign(new Error('driver text'), { code, ...extra });

  it.each(['ECONNREFUSED', 'ENOTFOUND', 'ETIMEDOUT', 'PROTOCOL_CONNECTION_LOST'])('%s names the host and port, never the password', (code) => {
    const problem = databaseProblem(failure(code), mysql);
    expect(problem).toBeInstanceOf(ConfigError);
    expect(problem?.message).toBe(`DATABASE_URL: the server at db.example:3306 is not reachable (${code}); check the host and port, and that the server is running`);
  });

  it('says what the app says of a configuration problem', () => {
    expect(databaseProblem(failure('ER_BAD_DB_ERROR'), mysql)?.message).toBe(databaseConfigurationProblem(failure('ER_BAD_DB_ERROR'), URL_WITH_SECRET)?.message);
  });

  it.each([
    ['a folder that cannot be made', failure('EEXIST', { syscall: 'mkdir' })],
    ['a file SQLite cannot open', failure('SQLITE_CANTOPEN')],
    ['a file that is not a database', failure('SQLITE_NOTADB')],
  ])('names DATA_DIR for %s', (_case, error) => {
    expect(databaseProblem(error, sqlite)?.message).toMatch(/^DATA_DIR: the database file \/srv\/data\/practice-cloud\.sqlite cannot be opened or created/);
  });

  it.each([
    ['a MySQL query error', failure('ER_PARSE_ERROR'), mysql],
    ['a SQLite constraint', failure('SQLITE_CONSTRAINT_UNIQUE'), sqlite],
    ['an error without a code', new Error('a bug'), sqlite],
  ])('leaves %s to keep its stack', (_case, error, database) => {
    expect(databaseProblem(error, database)).toBeNull();
  });
});
