import { type INestApplication, Logger } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { newId } from '../common/crypto/tokens.js';
import { PasswordHasher } from '../common/crypto/password-hasher.js';
import { Client } from '../clients/entities/client.entity.js';
import { Practice } from '../practice/entities/practice.entity.js';
import { createPracticeWithAdmin, insertUser } from '../practice/practice-bootstrap.js';

export const DEMO_PASSWORD = 'practice-cloud-demo';
export const DEMO_ADMIN_EMAIL = 'admin@demo.practice-cloud.test';

const MEMBERS = [
  { firstName: 'Thandi', lastName: 'Nkosi', email: 'thandi@demo.practice-cloud.test' },
  { firstName: 'Pieter', lastName: 'van der Merwe', email: 'pieter@demo.practice-cloud.test' },
  { firstName: 'Aisha', lastName: 'Patel', email: 'aisha@demo.practice-cloud.test' },
];

const CLIENTS = [
  ['Acacia Bakery (Pty) Ltd', 'ACA001'],
  ['Baobab Logistics CC', 'BAO001'],
  ['Cape Coastal Surf School', 'CAP001'],
  ['Drakensberg Dairy Co-op', 'DRA001'],
  ['Eland Engineering', 'ELA001'],
  ['Fynbos Florists', 'FYN001'],
  ['Garden Route Guest House', 'GAR001'],
  ['Highveld Hardware', 'HIG001'],
  ['Impala Import & Export', 'IMP001'],
  ['Jacaranda Dental Practice', 'JAC001'],
  ['Karoo Kitchens', 'KAR001'],
  ['Lowveld Legal Services', 'LOW001'],
] as const;

/**
 * A local trial's first start: a demo practice to sign in to, and how to do it, in one loud log line (the
 * password is published, so whoever can reach the server can sign in: the config refuses this in production).
 */
export async function seedDemoIfEmpty(app: INestApplication, port: number): Promise<void> {
  const dataSource = app.get<DataSource>(getDataSourceToken());
  if ((await dataSource.getRepository(Practice).count()) > 0) return;
  await seedDemo(dataSource);
  new Logger('DemoSeed').warn(
    `Created the demo practice, for a local trial only: sign in at http://localhost:${port} as ${DEMO_ADMIN_EMAIL} ` +
      `(members: ${MEMBERS.map((member) => member.email).join(', ')}) with the password ${DEMO_PASSWORD}. ` +
      'Anyone who can reach this server can do the same; SEED_DEMO=false turns the demo off.',
  );
}

export async function seedDemo(dataSource: DataSource): Promise<{ practiceId: string }> {
  const passwordHash = await new PasswordHasher().hash(DEMO_PASSWORD);
  return dataSource.transaction(async (manager) => {
    const now = new Date();
    const { practiceId } = await createPracticeWithAdmin(
      manager,
      'Demo Accounting Practice',
      { email: DEMO_ADMIN_EMAIL, firstName: 'Naledi', lastName: 'Mokoena', passwordHash },
      now,
    );
    for (const member of MEMBERS) await insertUser(manager, practiceId, { ...member, role: 'MEMBER', passwordHash }, now);
    await manager
      .getRepository(Client)
      .insert(CLIENTS.map(([name, code]) => ({ id: newId(), practiceId, name, code, createdAt: now, updatedAt: now })));
    return { practiceId };
  });
}
