import { describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BuiltApi } from '../support/built-api.js';
import { runCli } from '../support/built-cli.js';
import { MYSQL_ROOT_URL } from '../support/test-app.js';

const SECRET_LOOKING = 'c3VwZXItc2VjcmV0LWJ1dC10b28tc2hvcnQ=';
const MYSQL = `${MYSQL_ROOT_URL}/practice_cloud_never_created`;
const KEY = randomBytes(32).toString('base64');
/** The test server, with a user it does not know, whose password must never be printed. */
const UNKNOWN_USER = Object.assign(new URL(MYSQL), { username: 'pc_never_created', password: SECRET_LOOKING }).toString();

/**
 * Starts the built API with a bad environment and returns how it stopped. Its own DATA_DIR: the embedded default
 * makes its key file before a later variable stops the start, and the checkout's ./data is not for tests.
 */
async function startWith(env: Record<string, string>) {
  const dataDir = mkdtempSync(join(tmpdir(), 'practice-cloud-config-'));
  try {
    const api = BuiltApi.spawn({ NODE_ENV: 'production', PORTAL_DIR: '', DATA_DIR: dataDir, ...env });
    const { code } = await api.exited;
    return { code, stderr: api.stderr, stdout: api.stdout };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

describe('configuration errors stop the start with one line naming the variable', () => {
  it.each([
    ['DATA_ENCRYPTION_KEY', { DATABASE_URL: MYSQL }, /^Configuration error: DATA_ENCRYPTION_KEY is required/],
    ['DATA_ENCRYPTION_KEY', { DATABASE_URL: MYSQL, DATA_ENCRYPTION_KEY: SECRET_LOOKING }, /^Configuration error: DATA_ENCRYPTION_KEY must hold 32 bytes/],
    ['DATABASE_URL', { DATABASE_URL: `postgres://app:${SECRET_LOOKING}@db/practice` }, /^Configuration error: DATABASE_URL must look like/],
    ['REDIS_URL', { REDIS_URL: `${SECRET_LOOKING}@redis:6379` }, /^Configuration error: REDIS_URL must look like/],
    ['PORT', { PORT: 'eighty' }, /^Configuration error: PORT must be an integer/],
    ['LOG_LEVEL', { LOG_LEVEL: 'loud' }, /^Configuration error: LOG_LEVEL must be one of/],
    ['SIGN_IN_LIMIT_PER_IP', { SIGN_IN_LIMIT_PER_IP: 'lots' }, /^Configuration error: SIGN_IN_LIMIT_PER_IP must be an integer/],
    ['SIGN_IN_LIMIT_PER_ACCOUNT', { SIGN_IN_LIMIT_PER_ACCOUNT: '0' }, /^Configuration error: SIGN_IN_LIMIT_PER_ACCOUNT must be an integer/],
    ['TRUST_PROXY', { TRUST_PROXY: 'everyone; please' }, /^Configuration error: TRUST_PROXY must be/],
    ['NODE_ENV', { NODE_ENV: 'staging' }, /^Configuration error: NODE_ENV must be one of/],
    ['SEED_DEMO', { SEED_DEMO: 'maybe' }, /^Configuration error: SEED_DEMO must be one of true, false$/],
    ['SEED_DEMO', { SEED_DEMO: 'true' }, /^Configuration error: SEED_DEMO=true is refused with NODE_ENV=production/],
    ['MAIL_FROM', { MAIL_FROM: 'bad' }, /^Configuration error: MAIL_FROM must be an email address/],
    ['CORS_ORIGINS', { CORS_ORIGINS: 'not a url' }, /^Configuration error: CORS_ORIGINS must be a comma-separated list of origins/],
    ['PORTAL_DIR', { PORTAL_DIR: '/nonexistent' }, /^Configuration error: PORTAL_DIR must be a folder with the built portal/],
    ['QUEUE_PREFIX', { QUEUE_PREFIX: 'two words' }, /^Configuration error: QUEUE_PREFIX must be/],
  ])('%s (%j)', async (_name, env, message) => {
    const { code, stderr, stdout } = await startWith(env);
    expect(code).toBe(1);
    expect(stderr.trim().split('\n')).toEqual([expect.stringMatching(message)]);
    expect(stderr + stdout).not.toContain(SECRET_LOOKING);
  });
});

describe('a database the server does not have, or a user it refuses, stops the start with one line, without retries', () => {
  it.each([
    ['an unknown database', { DATABASE_URL: MYSQL }, /^Configuration error: DATABASE_URL: database practice_cloud_never_created does not exist; create it with CREATE DATABASE `practice_cloud_never_created` CHARACTER SET utf8mb4/],
    ['an unknown user', { DATABASE_URL: UNKNOWN_USER }, /^Configuration error: DATABASE_URL: the server refused user pc_never_created; check the user name and password$/],
  ])('%s', async (_case, env, message) => {
    const { code, stderr, stdout } = await startWith({ ...env, DATA_ENCRYPTION_KEY: KEY });
    expect(code).toBe(1);
    expect(stderr.trim().split('\n')).toEqual([expect.stringMatching(message)]);
    expect(stdout).not.toContain('Retrying');
    expect(stderr + stdout).not.toContain(SECRET_LOOKING);
  });

  it('the same line from the operator scripts (npm run db:migrate)', async () => {
    const { code, stderr, stdout } = await runCli(['db:migrate'], { DATABASE_URL: MYSQL, DATA_ENCRYPTION_KEY: KEY });
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toEqual([expect.stringMatching(/^Configuration error: DATABASE_URL: database practice_cloud_never_created does not exist/)]);
  });
});
