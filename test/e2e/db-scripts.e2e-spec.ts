import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import mysql from 'mysql2/promise';
import { runCli } from '../support/built-cli.js';
import { MYSQL_ROOT_URL } from '../support/test-app.js';

/** The suites run once on MySQL/MariaDB and once on the embedded default (`npm run test:e2e:sqlite`). */
const kind = process.env.E2E_DATABASE === 'sqlite' ? 'sqlite' : 'mysql';

/** `npm run db:migrate | db:revert | db:seed` run this CLI, here on a fresh, empty database. */
describe(`db:migrate, db:revert and db:seed on ${kind}`, () => {
  const suffix = randomBytes(4).toString('hex');
  const schema = `practice_cloud_scripts_${suffix}`;
  const dataDir = mkdtempSync(join(tmpdir(), 'practice-cloud-scripts-'));
  let root: mysql.Connection;
  const env: Record<string, string> =
    kind === 'mysql'
      ? { DATABASE_URL: `${MYSQL_ROOT_URL}/${schema}`, DATA_ENCRYPTION_KEY: randomBytes(32).toString('base64') }
      : { DATA_DIR: dataDir };

  beforeAll(async () => {
    root = await mysql.createConnection(MYSQL_ROOT_URL);
    if (kind === 'mysql') await root.query(`CREATE DATABASE \`${schema}\``);
  });

  afterAll(async () => {
    await root.query(`DROP DATABASE IF EXISTS \`${schema}\``);
    await root.end();
    rmSync(dataDir, { recursive: true, force: true });
  });

  /** The tables the database holds now, read past the app. */
  const tables = async (): Promise<string[]> => {
    if (kind === 'mysql') {
      const [rows] = await root.query<mysql.RowDataPacket[]>('SELECT table_name AS name FROM information_schema.tables WHERE table_schema = ?', [schema]);
      return rows.map((row) => String(row.name)).sort();
    }
    const db = new Database(join(dataDir, 'practice-cloud.sqlite'), { readonly: true });
    try {
      const rows = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as Array<{ name: string }>;
      return rows.map((row) => row.name).sort();
    } finally {
      db.close();
    }
  };

  it('migrates an empty database once, then finds it up to date', async () => {
    const first = await runCli(['db:migrate'], env);
    expect(first).toMatchObject({ code: 0, stdout: '' });
    expect(first.stderr).toMatch(/^Applied: \S+/);
    expect(await tables()).toEqual(expect.arrayContaining(['migrations', 'practices', 'users', 'login_challenges']));
    expect(await runCli(['db:migrate'], env)).toMatchObject({ code: 0, stderr: 'The schema is up to date.\n' });
  });

  it('reverts the last migration, and migrates again', async () => {
    expect(await runCli(['db:revert'], env)).toMatchObject({ code: 0, stderr: 'Reverted the last migration.\n' });
    expect(await tables()).toEqual(['migrations']);
    expect((await runCli(['db:migrate'], env)).stderr).toMatch(/^Applied: /);
  });

  it('seeds the demo practice into an empty database only', async () => {
    const seeded = await runCli(['db:seed'], env);
    expect(seeded.code).toBe(0);
    expect(JSON.parse(seeded.stdout)).toEqual({ practiceId: expect.any(String) });
    expect(await runCli(['db:seed'], env)).toMatchObject({ code: 0, stdout: '', stderr: 'The database has practices already; nothing seeded.\n' });
  });

  it('refuses an unknown command with the usage', async () => {
    const result = await runCli(['db:drop'], env);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Unknown command: db:drop');
    expect(result.stderr).toContain('npm run db:migrate | db:revert | db:seed');
  });
});
