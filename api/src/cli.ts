import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { DataSource } from 'typeorm';
import { PasswordHasher } from './common/crypto/password-hasher.js';
import { DomainException } from './common/errors/domain.exception.js';
import { ConfigError, loadConfig } from './config/app-config.js';
import { databaseConfigurationProblem } from './database/configuration-problems.js';
import { dataSourceOptions } from './database/data-source-options.js';
import { Practice } from './practice/entities/practice.entity.js';
import { createPracticeWithAdmin } from './practice/practice-bootstrap.js';
import { seedDemo } from './seed/demo-seed.js';
import { canonicalEmail, EMAIL_PATTERN, nameProblem, passwordProblem } from './users/user-rules.js';

const USAGE = `Usage:
  npm run -s cli -- practice:create --name "<name>" --admin-email <email> --admin-password <password> \\
    --admin-first-name <first> --admin-last-name <last>
  npm run db:migrate | db:revert | db:seed`;

class UsageError extends Error {}

/** Operators' commands: creating a practice, and the database scripts. Output on stdout is machine-readable. */
async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'practice:create':
      return createPractice(rest);
    case 'db:migrate':
      return withDataSource(async (dataSource) => {
        const applied = await dataSource.runMigrations({ transaction: 'each' });
        console.error(applied.length ? `Applied: ${applied.map((m) => m.name).join(', ')}` : 'The schema is up to date.');
      });
    case 'db:revert':
      return withDataSource(async (dataSource) => {
        await dataSource.undoLastMigration({ transaction: 'each' });
        console.error('Reverted the last migration.');
      });
    case 'db:seed':
      return withDataSource(async (dataSource) => {
        await dataSource.runMigrations({ transaction: 'each' });
        if ((await dataSource.getRepository(Practice).count()) > 0) {
          console.error('The database has practices already; nothing seeded.');
          return;
        }
        const { practiceId } = await seedDemo(dataSource);
        console.log(JSON.stringify({ practiceId }));
      });
    default:
      throw new UsageError(command ? `Unknown command: ${command}` : 'No command given.');
  }
}

async function createPractice(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    strict: true,
    options: {
      name: { type: 'string' },
      'admin-email': { type: 'string' },
      'admin-password': { type: 'string' },
      'admin-first-name': { type: 'string' },
      'admin-last-name': { type: 'string' },
    },
  });
  const missing = ['name', 'admin-email', 'admin-password', 'admin-first-name', 'admin-last-name'].filter(
    (key) => !values[key as keyof typeof values]?.trim(),
  );
  if (missing.length) throw new UsageError(`Missing: ${missing.map((key) => `--${key}`).join(', ')}`);
  const email = canonicalEmail(values['admin-email']!);
  if (!EMAIL_PATTERN.test(email) || email.length > 254) throw new UsageError('--admin-email is not an email address');
  const problem = passwordProblem(values['admin-password']!);
  if (problem) throw new UsageError(`--admin-password: ${problem.replace(/^password /, '')}`);
  if (values.name!.trim().length > 200) throw new UsageError('--name must be at most 200 characters');
  for (const [flag, key] of [['--admin-first-name', 'admin-first-name'], ['--admin-last-name', 'admin-last-name']] as const) {
    const nameIssue = nameProblem(flag, values[key]!);
    if (nameIssue) throw new UsageError(nameIssue);
  }

  await withDataSource(async (dataSource) => {
    await dataSource.runMigrations({ transaction: 'each' });
    const passwordHash = await new PasswordHasher().hash(values['admin-password']!);
    const created = await dataSource.transaction((manager) =>
      createPracticeWithAdmin(manager, values.name!, {
        email,
        firstName: values['admin-first-name']!,
        lastName: values['admin-last-name']!,
        passwordHash,
      }),
    );
    console.log(JSON.stringify(created));
  });
}

async function withDataSource(work: (dataSource: DataSource) => Promise<void>): Promise<void> {
  const config = loadConfig();
  const dataSource = new DataSource(dataSourceOptions(config));
  await dataSource.initialize().catch((error: unknown) => {
    throw (config.database.kind === 'mysql' && databaseConfigurationProblem(error, config.database.url)) || error;
  });
  try {
    await work(dataSource);
  } finally {
    await dataSource.destroy();
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof UsageError) console.error(`Error: ${error.message}\n\n${USAGE}`);
  else if (error instanceof ConfigError) console.error(`Configuration error: ${error.message}`);
  else if (error instanceof DomainException) console.error(`Error: ${error.message}`);
  else if (error instanceof Error && error.name === 'TypeError' && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS')) {
    console.error(`Error: ${error.message}\n\n${USAGE}`);
  } else console.error(error);
  process.exitCode = 1;
});
