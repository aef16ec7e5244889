import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTestApp, type TestApp, type TestDatabase } from '../support/test-app.js';

describe.each<TestDatabase>(['mysql', 'sqlite'])('schema on %s', (database) => {
  let testApp: TestApp;

  beforeAll(async () => {
    testApp = await startTestApp({ database, redis: false });
  });

  afterAll(async () => {
    await testApp.close();
  });

  it('comes from the migrations, which agree with the entities (no drift)', async () => {
    const pending = await testApp.dataSource.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((query) => query.query)).toEqual([]);
  });

  it('reverts and re-applies cleanly', async () => {
    await testApp.dataSource.undoLastMigration();
    expect(await testApp.dataSource.showMigrations()).toBe(true);
    await testApp.dataSource.runMigrations();
    expect(await testApp.dataSource.showMigrations()).toBe(false);
    const pending = await testApp.dataSource.driver.createSchemaBuilder().log();
    expect(pending.upQueries).toHaveLength(0);
  });
});
