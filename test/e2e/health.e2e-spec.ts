import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import mysql from 'mysql2/promise';
import { ApiClient } from '../support/api-client.js';
import { RedisProcess } from '../support/redis-process.js';
import { MYSQL_ROOT_URL, startTestApp, type TestApp } from '../support/test-app.js';

/** Polls until the health answer has the expected status: a dependency that comes back is seen within seconds. */
async function healthBecomes(api: ApiClient, status: number, path = '/health') {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const response = await api.get(path);
    if (response.status === status || Date.now() > deadline) return response;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe('health', () => {
  let testApp: TestApp | undefined;

  afterEach(async () => {
    await testApp?.close();
    testApp = undefined;
  });

  it('answers 200 with the database and the queue up, and the liveness and readiness pair agrees', async () => {
    testApp = await startTestApp();
    const api = new ApiClient(testApp.baseUrl);
    const health = await api.get('/health');
    expect(health.status).toBe(200);
    expect(health.body).toMatchObject({ status: 'ok', info: { database: { status: 'up' }, queue: { status: 'up' } } });
    expect((await api.get('/health/ready')).status).toBe(200);
    expect(await api.get('/health/live')).toMatchObject({ status: 200, body: { status: 'ok' } });
  });

  describe('when the queue is down', () => {
    let redis: RedisProcess;

    beforeAll(async () => {
      redis = await RedisProcess.start();
    });

    afterAll(async () => {
      await redis.stop();
    });

    it('answers 503 with details, stays live but not ready, and recovers when Redis is back', async () => {
      testApp = await startTestApp({ redis: true, env: { REDIS_URL: redis.url } });
      const api = new ApiClient(testApp.baseUrl);
      expect((await api.get('/health')).status).toBe(200);

      await redis.stop();
      const down = await healthBecomes(api, 503);
      expect(down.status).toBe(503);
      expect(down.body).toMatchObject({
        statusCode: 503,
        code: 'SERVICE_UNAVAILABLE',
        status: 'error',
        info: { database: { status: 'up' } },
        error: { queue: { status: 'down' } },
        details: { database: { status: 'up' }, queue: { status: 'down' } },
      });
      expect((await api.get('/health/ready')).status).toBe(503);
      expect((await api.get('/health/live')).status).toBe(200);

      await redis.start();
      expect((await healthBecomes(api, 200)).status).toBe(200);
    });
  });

  describe('when the database is down', () => {
    // The app signs in to MariaDB as a user of its own, so the test can lock that user out and kill its
    // connections: to the app, the database is gone, while the test keeps its root connection.
    const suffix = randomBytes(4).toString('hex');
    const user = `pc_health_${suffix}`;
    const schema = `practice_cloud_health_${suffix}`;
    let root: mysql.Connection;

    beforeAll(async () => {
      root = await mysql.createConnection(MYSQL_ROOT_URL);
      await root.query(`CREATE DATABASE \`${schema}\``);
      await root.query(`CREATE USER '${user}'@'%' IDENTIFIED BY 'health-check-password'`);
      await root.query(`GRANT ALL ON \`${schema}\`.* TO '${user}'@'%'`);
    });

    afterAll(async () => {
      await root.query(`DROP USER IF EXISTS '${user}'@'%'`);
      await root.query(`DROP DATABASE IF EXISTS \`${schema}\``);
      await root.end();
    });

    const killConnectionsOfUser = async () => {
      const [rows] = await root.query<mysql.RowDataPacket[]>('SELECT id FROM information_schema.processlist WHERE user = ?', [user]);
      for (const { id } of rows) await root.query(`KILL CONNECTION ${Number(id)}`).catch(() => undefined);
    };

    it('answers 503 naming the database, and recovers when it is back', async () => {
      const host = new URL(MYSQL_ROOT_URL).host;
      testApp = await startTestApp({
        database: 'mysql',
        env: { DATABASE_URL: `mysql://${user}:health-check-password@${host}/${schema}` },
      });
      const api = new ApiClient(testApp.baseUrl);
      expect((await api.get('/health')).status).toBe(200);

      await root.query(`ALTER USER '${user}'@'%' ACCOUNT LOCK`);
      await killConnectionsOfUser();
      const down = await healthBecomes(api, 503);
      expect(down.status).toBe(503);
      expect(down.body).toMatchObject({
        code: 'SERVICE_UNAVAILABLE',
        error: { database: { status: 'down' } },
        details: { database: { status: 'down' }, queue: { status: 'up' } },
      });
      expect((await api.get('/health/ready')).status).toBe(503);
      expect((await api.get('/health/live')).status).toBe(200);

      await root.query(`ALTER USER '${user}'@'%' ACCOUNT UNLOCK`);
      expect((await healthBecomes(api, 200)).status).toBe(200);
    });
  });
});
