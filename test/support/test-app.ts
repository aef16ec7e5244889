import type { NestExpressApplication } from '@nestjs/platform-express';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { Role } from '@practice-cloud/contracts';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import mysql from 'mysql2/promise';
import type { DataSource } from 'typeorm';
import type { DestinationStream } from 'pino';
import { createApp } from '../../api/src/app.factory.js';
import { PasswordHasher } from '../../api/src/common/crypto/password-hasher.js';
import { loadConfig, type AppConfig } from '../../api/src/config/app-config.js';
import { NoticeOutboxService } from '../../api/src/notifications/notice-outbox.service.js';
import { NoticeQueue } from '../../api/src/notifications/queue/notice-jobs.js';
import { createPracticeWithAdmin, insertUser } from '../../api/src/practice/practice-bootstrap.js';

export type TestDatabase = 'mysql' | 'sqlite';

export interface TestAppOptions {
  /** Defaults to E2E_DATABASE, else mysql. */
  database?: TestDatabase;
  /** Bull on the machine's Redis; defaults to true with mysql, false (in-process queue) with sqlite. */
  redis?: boolean;
  smtpUrl?: string;
  servePortal?: boolean;
  /** Extra environment for loadConfig (e.g. TRUSTED_DEVICE_TTL_DAYS). */
  env?: Record<string, string>;
  /** Captures the JSON log lines (otherwise the test app logs nothing). */
  logStream?: DestinationStream;
}

export interface NewTestUser {
  email: string;
  password: string;
  firstName: string;
  lastName: string;
  role?: Role;
}

export interface TestApp {
  app: NestExpressApplication;
  config: AppConfig;
  baseUrl: string;
  dataSource: DataSource;
  database: TestDatabase;
  createPractice(input: { name: string; admin: NewTestUser }): Promise<{ practiceId: string; adminUserId: string }>;
  createUser(practiceId: string, user: NewTestUser): Promise<{ id: string }>;
  /** Waits until the outbox is empty and every queued notice job (fan-outs included) has run. */
  drainQueue(): Promise<void>;
  close(): Promise<void>;
}

export const MYSQL_ROOT_URL = process.env.TEST_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306';
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/**
 * Boots the real app, with real migrations, on a database of its own: a fresh MySQL/MariaDB schema (dropped on
 * close) or a fresh SQLite file in a temporary folder. Listens on a free loopback port.
 */
export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const database = options.database ?? ((process.env.E2E_DATABASE as TestDatabase | undefined) || 'mysql');
  const useRedis = options.redis ?? database === 'mysql';
  const runId = randomBytes(6).toString('hex');
  const dataDir = mkdtempSync(join(tmpdir(), 'practice-cloud-test-'));
  const schema = `practice_cloud_test_${runId}`;
  if (database === 'mysql') await mysqlAdmin(`CREATE DATABASE \`${schema}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);

  const config = loadConfig({
    NODE_ENV: 'test',
    DATA_DIR: dataDir,
    PORTAL_DIR: options.servePortal ? join(process.cwd(), 'admin-portal/dist/admin-portal/browser') : '',
    SEED_DEMO: 'false',
    TOTP_ISSUER: 'Practice Cloud',
    ...(database === 'mysql'
      ? { DATABASE_URL: `${MYSQL_ROOT_URL}/${schema}`, DATA_ENCRYPTION_KEY: randomBytes(32).toString('base64') }
      : {}),
    ...(useRedis ? { REDIS_URL: TEST_REDIS_URL, QUEUE_PREFIX: `practice-cloud-test-${runId}` } : {}),
    ...(options.smtpUrl ? { SMTP_URL: options.smtpUrl } : {}),
    ...options.env,
  });
  const app = await createApp(config, { logger: false, logStream: options.logStream });
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  const dataSource = app.get<DataSource>(getDataSourceToken());
  const hasher = new PasswordHasher();

  return {
    app,
    config,
    baseUrl: `http://127.0.0.1:${port}`,
    dataSource,
    database,
    async createPractice({ name, admin }) {
      const passwordHash = await hasher.hash(admin.password);
      return dataSource.transaction((manager) => createPracticeWithAdmin(manager, name, { ...admin, passwordHash }));
    },
    async createUser(practiceId, user) {
      const passwordHash = await hasher.hash(user.password);
      const created = await insertUser(dataSource.manager, practiceId, { ...user, role: user.role ?? 'MEMBER', passwordHash });
      return { id: created.id };
    },
    async drainQueue() {
      const outbox = app.get(NoticeOutboxService);
      const queue = app.get(NoticeQueue);
      await outbox.flush();
      await queue.whenIdle();
    },
    async close() {
      await app.close();
      if (database === 'mysql') await mysqlAdmin(`DROP DATABASE IF EXISTS \`${schema}\``);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function mysqlAdmin(statement: string): Promise<void> {
  const connection = await mysql.createConnection(MYSQL_ROOT_URL);
  try {
    await connection.query(statement);
  } finally {
    await connection.end();
  }
}
