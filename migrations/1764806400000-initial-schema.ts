import { type MigrationInterface, type QueryRunner, Table, TableIndex, type TableColumnOptions } from 'typeorm';

/**
 * The first schema: practices, users, sessions, the login challenge, two-factor state, client files and notices.
 * Written with TypeORM's Table API so the same migration runs on MySQL/MariaDB and on the embedded SQLite file.
 */
export class InitialSchema1764806400000 implements MigrationInterface {
  name = 'InitialSchema1764806400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const id = (name = 'id', primary = name === 'id'): TableColumnOptions => ({
      name,
      type: 'varchar',
      length: '36',
      isPrimary: primary,
    });
    const text = (name: string, length: number, nullable = false): TableColumnOptions => ({
      name,
      type: 'varchar',
      length: String(length),
      isNullable: nullable,
    });
    const longText = (name: string, nullable = false): TableColumnOptions => ({ name, type: 'text', isNullable: nullable });
    const time = (name: string, nullable = false): TableColumnOptions => ({
      name,
      type: 'datetime',
      precision: 3,
      isNullable: nullable,
    });
    const int = (name: string, options: { nullable?: boolean; default?: number } = {}): TableColumnOptions => ({
      name,
      type: 'integer',
      isNullable: options.nullable ?? false,
      ...(options.default !== undefined ? { default: options.default } : {}),
    });

    await queryRunner.createTable(
      new Table({
        name: 'practices',
        columns: [
          id(),
          text('name', 200),
          { name: 'require_two_factor', type: 'boolean', default: 0 },
          time('require_two_factor_since', true),
          time('created_at'),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'users',
        columns: [
          id(),
          id('practice_id', false),
          text('email', 254),
          text('password_hash', 255),
          text('first_name', 100),
          text('last_name', 100),
          text('role', 16),
          longText('totp_secret', true),
          time('two_factor_enabled_at', true),
          int('totp_last_step', { nullable: true }),
          int('two_factor_failures', { default: 0 }),
          time('two_factor_locked_until', true),
          time('last_login_at', true),
          time('created_at'),
        ],
        indices: [
          new TableIndex({ name: 'IDX_users_practice', columnNames: ['practice_id'] }),
          new TableIndex({ name: 'UQ_users_email', columnNames: ['email'], isUnique: true }),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'sessions',
        columns: [
          id(),
          id('user_id', false),
          text('token_hash', 64),
          text('trusted_device_id', 36, true),
          time('created_at'),
          time('expires_at'),
          time('revoked_at', true),
        ],
        indices: [
          new TableIndex({ name: 'IDX_sessions_user', columnNames: ['user_id'] }),
          new TableIndex({ name: 'UQ_sessions_token_hash', columnNames: ['token_hash'], isUnique: true }),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'login_challenges',
        columns: [
          id(),
          id('user_id', false),
          text('token_hash', 64),
          int('failed_attempts', { default: 0 }),
          time('created_at'),
          time('expires_at'),
          time('consumed_at', true),
        ],
        indices: [
          new TableIndex({ name: 'IDX_login_challenges_user', columnNames: ['user_id'] }),
          new TableIndex({ name: 'UQ_login_challenges_token_hash', columnNames: ['token_hash'], isUnique: true }),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'two_factor_setups',
        columns: [
          id('user_id', true),
          longText('secret'),
          time('expires_at'),
          int('verified_step', { nullable: true }),
          longText('backup_code_hashes', true),
          time('created_at'),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'backup_codes',
        columns: [id(), id('user_id', false), text('code_hash', 255), time('created_at'), time('used_at', true)],
        indices: [new TableIndex({ name: 'IDX_backup_codes_user', columnNames: ['user_id'] })],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'trusted_devices',
        columns: [
          id(),
          id('user_id', false),
          text('token_hash', 64),
          text('label', 200),
          time('created_at'),
          time('last_used_at', true),
          time('expires_at'),
        ],
        indices: [
          new TableIndex({ name: 'IDX_trusted_devices_user', columnNames: ['user_id'] }),
          new TableIndex({ name: 'UQ_trusted_devices_token_hash', columnNames: ['token_hash'], isUnique: true }),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'clients',
        columns: [id(), id('practice_id', false), text('name', 200), text('code', 32), time('created_at'), time('updated_at')],
        indices: [new TableIndex({ name: 'UQ_clients_practice_code', columnNames: ['practice_id', 'code'], isUnique: true })],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'notifications',
        columns: [
          id(),
          id('user_id', false),
          text('type', 40),
          text('title', 200),
          longText('message'),
          text('dedupe_key', 200),
          time('created_at'),
          time('read_at', true),
        ],
        indices: [
          new TableIndex({ name: 'IDX_notifications_user_created', columnNames: ['user_id', 'created_at'] }),
          new TableIndex({ name: 'UQ_notifications_dedupe_key', columnNames: ['dedupe_key'], isUnique: true }),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'notice_outbox',
        columns: [
          id(),
          text('kind', 40),
          id('practice_id', false),
          longText('payload'),
          time('created_at'),
          time('dispatched_at', true),
        ],
        indices: [new TableIndex({ name: 'IDX_notice_outbox_pending', columnNames: ['dispatched_at', 'created_at'] })],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'email_deliveries',
        columns: [
          id(),
          text('dedupe_key', 200),
          text('recipient', 254),
          text('subject', 200),
          time('created_at'),
          time('sent_at', true),
        ],
        indices: [new TableIndex({ name: 'UQ_email_deliveries_dedupe_key', columnNames: ['dedupe_key'], isUnique: true })],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'email_deliveries',
      'notice_outbox',
      'notifications',
      'clients',
      'trusted_devices',
      'backup_codes',
      'two_factor_setups',
      'login_challenges',
      'sessions',
      'users',
      'practices',
    ]) {
      await queryRunner.dropTable(table);
    }
  }
}
