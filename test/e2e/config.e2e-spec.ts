import { describe, expect, it } from '@jest/globals';
import { BuiltApi } from '../support/built-api.js';

const SECRET_LOOKING = 'c3VwZXItc2VjcmV0LWJ1dC10b28tc2hvcnQ=';
const MYSQL = 'mysql://root@127.0.0.1:3306/practice_cloud_never_created';

/** Starts the built API with a bad environment and returns how it stopped. */
async function startWith(env: Record<string, string>) {
  const api = BuiltApi.spawn({ NODE_ENV: 'production', PORTAL_DIR: '', ...env });
  const { code } = await api.exited;
  return { code, stderr: api.stderr, stdout: api.stdout };
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
  ])('%s (%j)', async (_name, env, message) => {
    const { code, stderr, stdout } = await startWith(env);
    expect(code).toBe(1);
    expect(stderr.trim().split('\n')).toEqual([expect.stringMatching(message)]);
    expect(stderr + stdout).not.toContain(SECRET_LOOKING);
  });
});
