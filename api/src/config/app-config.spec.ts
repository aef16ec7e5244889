import { afterAll, describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ConfigError, loadConfig } from './app-config.js';

const dataDirs: string[] = [];
const dataDir = () => {
  dataDirs.push(mkdtempSync(join(tmpdir(), 'practice-cloud-config-')));
  return dataDirs.at(-1)!;
};
afterAll(() => dataDirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
const KEY = randomBytes(32).toString('base64');

describe('loadConfig', () => {
  it('defaults to the embedded SQLite file, an in-process queue and port 3000', () => {
    const config = loadConfig({ DATA_DIR: dataDir() });
    expect(config.database.kind).toBe('sqlite');
    expect(config.redisUrl).toBeNull();
    expect(config.smtpUrl).toBeNull();
    expect(config.port).toBe(3000);
    expect(config.totpIssuer).toBe('Practice Cloud');
    expect(config.trustedDeviceTtlDays).toBe(30);
  });

  it('limits sign-in to 300 attempts per IP and 30 per account in 15 minutes, logs at info, trusts the loopback proxy', () => {
    const config = loadConfig({ DATA_DIR: dataDir() });
    expect(config.signInThrottle).toEqual({ windowSeconds: 900, perIp: 300, perAccount: 30 });
    expect(config.logLevel).toBe('info');
    expect(config.trustProxy).toBe('loopback');
    expect(config.shutdownTimeoutSeconds).toBe(25);
  });

  it('reads the limits, the log level and the proxies to trust', () => {
    const config = loadConfig({
      DATA_DIR: dataDir(),
      SIGN_IN_WINDOW_SECONDS: '60',
      SIGN_IN_LIMIT_PER_IP: '1000',
      SIGN_IN_LIMIT_PER_ACCOUNT: '5',
      LOG_LEVEL: 'warn',
      TRUST_PROXY: '10.0.0.0/8, 192.168.0.1, loopback, fd00::/8, 172.16.0.0/255.240.0.0',
    });
    expect(config.signInThrottle).toEqual({ windowSeconds: 60, perIp: 1000, perAccount: 5 });
    expect(config.logLevel).toBe('warn');
    expect(config.trustProxy).toBe('10.0.0.0/8,192.168.0.1,loopback,fd00::/8,172.16.0.0/255.240.0.0');
    expect(loadConfig({ DATA_DIR: dataDir(), TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(loadConfig({ DATA_DIR: dataDir(), TRUST_PROXY: 'true' }).trustProxy).toBe(true);
  });

  it('reads an empty variable as its default, except PORTAL_DIR where empty means API only', () => {
    const dir = dataDir();
    const config = loadConfig({ DATA_DIR: dir, NODE_ENV: '', PORT: ' ', TOTP_ISSUER: '', LOG_LEVEL: '', PORTAL_DIR: '' });
    expect(config).toMatchObject({ env: 'development', port: 3000, totpIssuer: 'Practice Cloud', logLevel: 'info', portalDir: null });
  });

  it('generates the embedded encryption key once, in a 0600 file beside the database', () => {
    const dir = dataDir();
    const first = loadConfig({ DATA_DIR: dir });
    const keyFile = join(dir, 'data-encryption.key');
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    expect(Buffer.from(readFileSync(keyFile, 'utf8').trim(), 'base64')).toHaveLength(32);
    expect(loadConfig({ DATA_DIR: dir }).dataEncryptionKey.equals(first.dataEncryptionKey)).toBe(true);
  });

  it('says in one line, naming DATA_DIR, that a DATA_DIR which is a file cannot hold the key', () => {
    const file = join(dataDir(), 'a-file');
    writeFileSync(file, '');
    expect(() => loadConfig({ DATA_DIR: file })).toThrow(ConfigError);
    expect(() => loadConfig({ DATA_DIR: file })).toThrow(/^DATA_DIR: the key file \S+\/a-file\/data-encryption\.key cannot be opened or created \(EEXIST\)/);
  });

  it('uses MySQL with DATABASE_URL, and then requires DATA_ENCRYPTION_KEY', () => {
    const url = 'mysql://root@127.0.0.1:3306/practice';
    expect(() => loadConfig({ DATABASE_URL: url })).toThrow(/DATA_ENCRYPTION_KEY/);
    const config = loadConfig({ DATABASE_URL: url, DATA_ENCRYPTION_KEY: KEY });
    expect(config.database).toEqual({ kind: 'mysql', url });
    expect(loadConfig({ DATABASE_URL: url, DATA_ENCRYPTION_KEY: randomBytes(32).toString('hex') }).dataEncryptionKey).toHaveLength(32);
  });

  it.each([
    [{ DATABASE_URL: 'postgres://x/y' }, /^DATABASE_URL/],
    [{ REDIS_URL: 'localhost:6379' }, /^REDIS_URL/],
    [{ SMTP_URL: 'mail.example.com' }, /^SMTP_URL/],
    [{ PORT: 'eighty' }, /^PORT/],
    [{ PORT: '70000' }, /^PORT/],
    [{ TRUSTED_DEVICE_TTL_DAYS: '0' }, /^TRUSTED_DEVICE_TTL_DAYS/],
    [{ NODE_ENV: 'staging' }, /^NODE_ENV/],
    [{ LOG_LEVEL: 'verbose' }, /^LOG_LEVEL/],
    [{ TRUST_PROXY: 'all of them!' }, /^TRUST_PROXY/],
    // Express would only find these out at start, with a stack trace.
    [{ TRUST_PROXY: 'banana' }, /^TRUST_PROXY/],
    [{ TRUST_PROXY: '10.0.0.0/33' }, /^TRUST_PROXY/],
    [{ TRUST_PROXY: '10.0.0.0/8, 300.1.1.1' }, /^TRUST_PROXY/],
    [{ SIGN_IN_WINDOW_SECONDS: '0' }, /^SIGN_IN_WINDOW_SECONDS/],
    [{ SIGN_IN_LIMIT_PER_IP: '1.5' }, /^SIGN_IN_LIMIT_PER_IP/],
    [{ SIGN_IN_LIMIT_PER_ACCOUNT: 'many' }, /^SIGN_IN_LIMIT_PER_ACCOUNT/],
    [{ SHUTDOWN_TIMEOUT_SECONDS: '-1' }, /^SHUTDOWN_TIMEOUT_SECONDS/],
    [{ SEED_DEMO: 'maybe' }, /^SEED_DEMO must be one of true, false/],
    [{ SEED_DEMO: 'true', NODE_ENV: 'production' }, /^SEED_DEMO=true is refused with NODE_ENV=production/],
    [{ MAIL_FROM: 'bad' }, /^MAIL_FROM/],
    [{ MAIL_FROM: 'Practice Cloud <no-reply@example.com>\r\nBcc: x@example.com' }, /^MAIL_FROM/],
    [{ CORS_ORIGINS: 'not a url' }, /^CORS_ORIGINS/],
    [{ CORS_ORIGINS: 'https://portal.example.com/app' }, /^CORS_ORIGINS/],
    [{ CORS_ORIGINS: 'https://portal.example.com, *' }, /^CORS_ORIGINS/],
    [{ PORTAL_DIR: '/nonexistent' }, /^PORTAL_DIR must be a folder with the built portal/],
    [{ QUEUE_PREFIX: 'two words' }, /^QUEUE_PREFIX/],
  ])('names the variable in one line when it is malformed: %j', (env, message) => {
    expect(() => loadConfig({ DATA_DIR: dataDir(), ...env })).toThrow(message);
    expect(() => loadConfig({ DATA_DIR: dataDir(), ...env })).toThrow(ConfigError);
  });

  it('seeds the demo only outside production: by default on the embedded default, on request with MySQL', () => {
    const mysqlEnv = { DATABASE_URL: 'mysql://root@127.0.0.1:3306/practice', DATA_ENCRYPTION_KEY: KEY };
    expect(loadConfig({ DATA_DIR: dataDir() }).seedDemo).toBe(true);
    expect(loadConfig({ DATA_DIR: dataDir(), SEED_DEMO: 'false' }).seedDemo).toBe(false);
    expect(loadConfig({ DATA_DIR: dataDir(), NODE_ENV: 'production' }).seedDemo).toBe(false);
    expect(loadConfig({ DATA_DIR: dataDir(), NODE_ENV: 'production', SEED_DEMO: 'false' }).seedDemo).toBe(false);
    expect(loadConfig(mysqlEnv).seedDemo).toBe(false);
    expect(loadConfig({ ...mysqlEnv, SEED_DEMO: 'true' }).seedDemo).toBe(true);
  });

  it('reads the sender, and the origins as browsers send them', () => {
    const config = loadConfig({
      DATA_DIR: dataDir(),
      MAIL_FROM: 'Smith & Co <it@smith.example>',
      CORS_ORIGINS: 'https://portal.example.com/, http://10.0.0.5:4200',
    });
    expect(config.mailFrom).toBe('Smith & Co <it@smith.example>');
    expect(config.corsOrigins).toEqual(['https://portal.example.com', 'http://10.0.0.5:4200']);
    expect(loadConfig({ DATA_DIR: dataDir(), MAIL_FROM: 'it@smith.example' }).mailFrom).toBe('it@smith.example');
  });

  it('serves a PORTAL_DIR that holds index.html; the default may be missing (the portal not built yet)', () => {
    const portal = dataDir();
    writeFileSync(join(portal, 'index.html'), '<!doctype html>');
    expect(loadConfig({ DATA_DIR: dataDir(), PORTAL_DIR: portal }).portalDir).toBe(portal);
    expect(() => loadConfig({ DATA_DIR: dataDir(), PORTAL_DIR: dataDir() })).toThrow(/^PORTAL_DIR/);
    expect(loadConfig({ DATA_DIR: dataDir() }).portalDir).toBe(resolve('admin-portal/dist/admin-portal/browser'));
  });

  it('never echoes a malformed secret', () => {
    const badKey = 'c2hvcnQtYnV0LXNlY3JldC12YWx1ZQ==';
    try {
      loadConfig({ DATABASE_URL: 'mysql://root@127.0.0.1:3306/practice', DATA_ENCRYPTION_KEY: badKey });
      throw new Error('expected a ConfigError');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as Error).message).toMatch(/^DATA_ENCRYPTION_KEY/);
      expect((error as Error).message).not.toContain(badKey);
    }
  });
});
