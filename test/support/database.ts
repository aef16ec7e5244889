import type { EntityTarget, FindOptionsWhere, ObjectLiteral } from 'typeorm';
import type { TestApp } from './test-app.js';

/** Every row of a table as one string, to assert that a secret or a token is nowhere in it. */
export async function tableText(testApp: TestApp, table: string): Promise<string> {
  const rows: unknown[] = await testApp.dataSource.query(`SELECT * FROM ${table}`);
  return JSON.stringify(rows);
}

export async function count(testApp: TestApp, table: string, where = '1 = 1', params: unknown[] = []): Promise<number> {
  const [row] = await testApp.dataSource.query<{ n: unknown }[]>(`SELECT COUNT(*) AS n FROM ${table} WHERE ${where}`, params);
  return Number(row.n);
}

/** Moves a row's expiry into the past, as if its lifetime had run out. Written through the entity, like the app. */
export async function expire<T extends ObjectLiteral>(testApp: TestApp, entity: EntityTarget<T>, where: FindOptionsWhere<T>): Promise<void> {
  const result = await testApp.dataSource
    .getRepository(entity)
    .update(where, { expiresAt: new Date(Date.now() - 1000) } as unknown as T);
  if (!result.affected) throw new Error('expire(): no row matched');
}
