import { randomBytes } from 'node:crypto';
import { isIP } from 'node:net';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/** Everything the API reads from its environment, validated once at start. */
export interface AppConfig {
  env: 'development' | 'production' | 'test';
  port: number;
  database: { kind: 'mysql'; url: string } | { kind: 'sqlite'; file: string };
  /** Without a Redis URL the queue runs in-process with the same processor. */
  redisUrl: string | null;
  /** Bull's key prefix in Redis, so several deployments (or test runs) can share one Redis. */
  queuePrefix: string;
  /** Without an SMTP URL emails are written to the log. */
  smtpUrl: string | null;
  mailFrom: string;
  totpIssuer: string;
  /** 32 bytes for AES-256-GCM. */
  dataEncryptionKey: Buffer;
  sessionTtlSeconds: number;
  trustedDeviceTtlDays: number;
  corsOrigins: string[];
  /** Where the built portal lives, served at `/`; null: the API only. A set PORTAL_DIR holds an index.html. */
  portalDir: string | null;
  /** Creates the demo practice (a published password) on a first start; never in production. */
  seedDemo: boolean;
  /** pino's level; `silent` turns the log off. */
  logLevel: LogLevel;
  /** Express's `trust proxy`: which hops may set X-Forwarded-For, so the sign-in limit per IP sees the client. */
  trustProxy: boolean | number | string;
  /** Sign-in attempts allowed per window, per client IP and per account, on each of the two sign-in steps. */
  signInThrottle: { windowSeconds: number; perIp: number; perAccount: number };
  /** How long a SIGTERM waits for running requests and jobs before the process exits anyway. */
  shutdownTimeoutSeconds: number;
}

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

const DEFAULT_DATA_DIR = './data';
const DEFAULT_PORTAL_DIR = 'admin-portal/dist/admin-portal/browser';

/**
 * Reads and validates the configuration. A missing or malformed variable fails with one line that names it and
 * never echoes a secret's value.
 */
export function loadConfig(rawEnv: NodeJS.ProcessEnv = process.env): AppConfig {
  const env = withoutEmptyValues(rawEnv);
  const nodeEnv = oneOf('NODE_ENV', env.NODE_ENV ?? 'development', ['development', 'production', 'test'] as const);
  const dataDir = resolve(env.DATA_DIR ?? DEFAULT_DATA_DIR);
  const databaseUrl = env.DATABASE_URL?.trim() || null;
  const redisUrl = env.REDIS_URL?.trim() || null;
  if (databaseUrl && !/^mysql:\/\/[^/]+\/[^/?]+/.test(databaseUrl)) {
    throw new ConfigError('DATABASE_URL must look like mysql://user:password@host:3306/database');
  }
  if (redisUrl && !/^rediss?:\/\/[^/]+/.test(redisUrl)) {
    throw new ConfigError('REDIS_URL must look like redis://host:6379');
  }
  const smtpUrl = env.SMTP_URL?.trim() || null;
  if (smtpUrl && !/^smtps?:\/\/[^/]+/.test(smtpUrl)) {
    throw new ConfigError('SMTP_URL must look like smtp://user:password@host:587');
  }
  const database: AppConfig['database'] = databaseUrl
    ? { kind: 'mysql', url: databaseUrl }
    : { kind: 'sqlite', file: resolve(dataDir, 'practice-cloud.sqlite') };

  return {
    env: nodeEnv,
    port: integer('PORT', env.PORT, 3000, 0, 65535),
    database,
    redisUrl,
    queuePrefix: queuePrefix(env.QUEUE_PREFIX?.trim() || 'practice-cloud'),
    smtpUrl,
    mailFrom: mailFrom(env.MAIL_FROM?.trim() || 'Practice Cloud <no-reply@practice-cloud.local>'),
    totpIssuer: issuer(env.TOTP_ISSUER ?? 'Practice Cloud'),
    dataEncryptionKey: encryptionKey(env.DATA_ENCRYPTION_KEY, database, dataDir),
    sessionTtlSeconds: integer('SESSION_TTL_SECONDS', env.SESSION_TTL_SECONDS, 12 * 3600, 60, 30 * 24 * 3600),
    trustedDeviceTtlDays: integer('TRUSTED_DEVICE_TTL_DAYS', env.TRUSTED_DEVICE_TTL_DAYS, 30, 1, 365),
    corsOrigins: corsOrigins(env.CORS_ORIGINS),
    portalDir: portalDir(env.PORTAL_DIR),
    seedDemo: seedDemo(env.SEED_DEMO, nodeEnv, database),
    logLevel: oneOf('LOG_LEVEL', env.LOG_LEVEL?.trim() || 'info', LOG_LEVELS),
    trustProxy: trustProxy(env.TRUST_PROXY),
    signInThrottle: {
      windowSeconds: integer('SIGN_IN_WINDOW_SECONDS', env.SIGN_IN_WINDOW_SECONDS, 15 * 60, 1, 24 * 3600),
      perIp: integer('SIGN_IN_LIMIT_PER_IP', env.SIGN_IN_LIMIT_PER_IP, 300, 1, 1_000_000),
      perAccount: integer('SIGN_IN_LIMIT_PER_ACCOUNT', env.SIGN_IN_LIMIT_PER_ACCOUNT, 30, 1, 1_000_000),
    },
    shutdownTimeoutSeconds: integer('SHUTDOWN_TIMEOUT_SECONDS', env.SHUTDOWN_TIMEOUT_SECONDS, 25, 1, 600),
  };
}

/**
 * An empty variable means its default, as an unset one does (`.env` files and compose files write `NAME=`), except
 * PORTAL_DIR, where empty says "API only".
 */
function withoutEmptyValues(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([name, value]) => name === 'PORTAL_DIR' || value?.trim()));
}

function integer(name: string, raw: string | undefined, fallback: number, min: number, max: number): number {
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name} must be an integer from ${min} to ${max}`);
  }
  return value;
}

function oneOf<T extends string>(name: string, raw: string, allowed: readonly T[]): T {
  if (!(allowed as readonly string[]).includes(raw)) {
    throw new ConfigError(`${name} must be one of ${allowed.join(', ')}`);
  }
  return raw as T;
}

/** `loopback` (the default), a hop count, or a comma-separated list of addresses/subnets Express understands. */
function trustProxy(raw: string | undefined): boolean | number | string {
  const value = raw?.trim() || 'loopback';
  if (value === 'true' || value === 'false') return value === 'true';
  if (/^\d{1,2}$/.test(value)) return Number(value);
  const entries = value.split(',').map((entry) => entry.trim());
  if (entries.some((entry) => !isProxyEntry(entry))) {
    throw new ConfigError('TRUST_PROXY must be loopback, true, a hop count, or a comma-separated list of addresses or subnets');
  }
  return entries.join(',');
}

const NAMED_PROXY_RANGES = ['loopback', 'linklocal', 'uniquelocal'];

/** What Express's trust-proxy list takes: a named range, an address, or an address with a prefix length or netmask. */
function isProxyEntry(entry: string): boolean {
  if (NAMED_PROXY_RANGES.includes(entry)) return true;
  const [address = '', mask, extra] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || extra !== undefined) return false;
  if (mask === undefined) return true;
  if (/^\d{1,3}$/.test(mask)) return Number(mask) <= (family === 4 ? 32 : 128);
  return family === 4 && isIP(mask) === 4;
}

function yesNo(name: string, raw: string): boolean {
  return oneOf(name, raw.trim(), ['true', 'false'] as const) === 'true';
}

/**
 * The demo accounts share a password published in the README: a local trial's convenience, never a production
 * server's. Default: on for the embedded default outside production; refused in production.
 */
function seedDemo(raw: string | undefined, nodeEnv: AppConfig['env'], database: AppConfig['database']): boolean {
  const asked = raw === undefined ? null : yesNo('SEED_DEMO', raw);
  if (nodeEnv === 'production') {
    if (asked) throw new ConfigError('SEED_DEMO=true is refused with NODE_ENV=production: the demo accounts share a published password');
    return false;
  }
  return asked ?? database.kind === 'sqlite';
}

/** Each origin as a browser sends it: scheme, host and optional port, nothing else. */
function corsOrigins(raw: string | undefined): string[] {
  const origins = (raw ?? '')
    .split(',')
    .map((origin) => origin.trim())
    .filter(Boolean);
  for (const origin of origins) {
    let parsed: URL | null = null;
    try {
      parsed = new URL(origin);
    } catch {
      // reported below
    }
    if (!parsed || !/^https?:$/.test(parsed.protocol) || parsed.origin !== origin.replace(/\/$/, '')) {
      throw new ConfigError('CORS_ORIGINS must be a comma-separated list of origins like https://portal.example.com (no path)');
    }
  }
  return origins.map((origin) => new URL(origin).origin);
}

/** `Name <address>` or a bare address, on one line (it becomes the From header). */
function mailFrom(raw: string): string {
  const address = /[^\s<>@",;]+@[^\s<>@",;]+\.[^\s<>@",;]+/.source;
  if (!new RegExp(`^(?:${address}|[^<>\r\n]* <${address}>)$`).test(raw)) {
    throw new ConfigError('MAIL_FROM must be an email address, or a name and one: Practice Cloud <no-reply@example.com>');
  }
  return raw;
}

function queuePrefix(raw: string): string {
  if (!/^[A-Za-z0-9._:-]{1,100}$/.test(raw)) throw new ConfigError('QUEUE_PREFIX must be 1 to 100 of A-Z a-z 0-9 . _ : -');
  return raw;
}

/**
 * Empty: the API only. Set: it must hold the built portal, or `/` would answer "Cannot GET /". The default may be
 * missing (the portal not built yet): the app then serves the API only and says so.
 */
function portalDir(raw: string | undefined): string | null {
  if (raw === undefined) return resolve(DEFAULT_PORTAL_DIR);
  if (raw.trim() === '') return null;
  const dir = resolve(raw.trim());
  if (!existsSync(resolve(dir, 'index.html'))) {
    throw new ConfigError('PORTAL_DIR must be a folder with the built portal (its index.html), or empty for the API only');
  }
  return dir;
}

function issuer(raw: string): string {
  const value = raw.trim();
  if (!value || value.length > 64) throw new ConfigError('TOTP_ISSUER must be 1 to 64 characters');
  return value;
}

/**
 * The key that encrypts TOTP secrets at rest. With MySQL it must be configured (32 bytes, base64 or hex); the
 * embedded default generates one on first start and keeps it in a 0600 file beside its database.
 */
function encryptionKey(raw: string | undefined, database: AppConfig['database'], dataDir: string): Buffer {
  if (raw && raw.trim()) return parseKey(raw.trim());
  if (database.kind === 'mysql') {
    throw new ConfigError('DATA_ENCRYPTION_KEY is required with DATABASE_URL (32 bytes, base64 or hex)');
  }
  const keyFile = resolve(dataDir, 'data-encryption.key');
  try {
    if (existsSync(keyFile)) return parseKey(readFileSync(keyFile, 'utf8').trim(), keyFile);
    mkdirSync(dirname(keyFile), { recursive: true, mode: 0o700 });
    writeFileSync(keyFile, randomBytes(32).toString('base64') + '\n', { mode: 0o600, flag: 'wx' });
    chmodSync(keyFile, 0o600);
    return parseKey(readFileSync(keyFile, 'utf8').trim(), keyFile);
  } catch (error) {
    if (error instanceof ConfigError) throw error;
    // A DATA_DIR that is a file, or a folder we may not write, is the operator's to fix: one line, not a stack.
    const code = (error as { code?: unknown }).code;
    throw new ConfigError(`DATA_DIR: the key file ${keyFile} cannot be opened or created (${String(code)}); check the folder and its permissions`);
  }
}

function parseKey(value: string, source = 'DATA_ENCRYPTION_KEY'): Buffer {
  const key = /^[0-9a-fA-F]{64}$/.test(value) ? Buffer.from(value, 'hex') : Buffer.from(value, 'base64');
  if (key.length !== 32) throw new ConfigError(`${source} must hold 32 bytes, base64 or hex encoded`);
  return key;
}

export const APP_CONFIG = Symbol('APP_CONFIG');
