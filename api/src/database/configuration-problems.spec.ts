import { describe, expect, it } from '@jest/globals';
import { ConfigError } from '../config/app-config.js';
import { databaseConfigurationProblem } from './configuration-problems.js';

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
