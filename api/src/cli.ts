import 'reflect-metadata';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { DataSource } from 'typeorm';
import { PasswordHasher } from './common/crypto/password-hasher.js';
import { isEmailAddress } from './common/dto/email.validators.js';
import { DomainException } from './common/errors/domain.exception.js';
import { ConfigError, loadConfig } from './config/app-config.js';
import { databaseProblem } from './database/configuration-problems.js';
import { dataSourceOptions } from './database/data-source-options.js';
import { Practice } from './practice/entities/practice.entity.js';
import { createPracticeWithAdmin } from './practice/practice-bootstrap.js';
import { seedDemo } from './seed/demo-seed.js';
import { nameProblem, passwordProblem } from './users/user-rules.js';

const USAGE = `Usage:
  npm run -s cli -- practice:create --name "<name>" --admin-email <email> --admin-password <password> \\
    --admin-first-name <first> --admin-last-name <last>
  npm run db:migrate | db:revert | db:seed
  --help or -h, alone or after a command, prints this text.`;

class UsageError extends Error {}

const printUsage = () => console.log(USAGE);

/** Operators' commands: creating a practice, and the database scripts. Output on stdout is machine-readable. */
async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  switch (command) {
    case '--help':
    case '-h':
      return printUsage();
    case 'practice:create':
      return createPractice(rest);
    case 'db:migrate':
      if (!commandOptions(rest, [])) return printUsage();
      return withDataSource(async (dataSource) => {
        const applied = await dataSource.runMigrations({ transaction: 'each' });
        console.error(applied.length ? `Applied: ${applied.map((m) => m.name).join(', ')}` : 'The schema is up to date.');
      });
    case 'db:revert':
      if (!commandOptions(rest, [])) return printUsage();
      return withDataSource(async (dataSource) => {
        await dataSource.undoLastMigration({ transaction: 'each' });
        console.error('Reverted the last migration.');
      });
    case 'db:seed':
      if (!commandOptions(rest, [])) return printUsage();
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

/**
 * A command's `--option value` pairs, read strictly: an unknown option, a stray argument or an option given twice is
 * an error, not a guess at which one was meant. Null when `--help` or `-h` asks for the usage instead.
 */
function commandOptions<Name extends string>(args: string[], names: readonly Name[]): Partial<Record<Name, string>> | null {
  const options: NonNullable<ParseArgsConfig['options']> = { help: { type: 'boolean', short: 'h' } };
  for (const name of names) options[name] = { type: 'string' };
  const { values, tokens } = parseArgs({ args, options, strict: true, tokens: true });
  if (values.help) return null;
  const given = tokens.flatMap((token) => (token.kind === 'option' ? [token.name] : []));
  const repeated = given.find((name, index) => given.indexOf(name) !== index);
  if (repeated) throw new UsageError(`--${repeated} is given more than once; give it once`);
  return values as Partial<Record<Name, string>>;
}

async function createPractice(args: string[]): Promise<void> {
  const names = ['name', 'admin-email', 'admin-password', 'admin-first-name', 'admin-last-name'] as const;
  const values = commandOptions(args, names);
  if (!values) return printUsage();
  const missing = names.filter((name) => values[name] === undefined);
  if (missing.length) throw new UsageError(`Missing: ${missing.map((name) => `--${name}`).join(', ')}`);
  const blank = names.filter((name) => !values[name]!.trim());
  if (blank.length) throw new UsageError(`${blank.map((name) => `--${name}`).join(', ')} must not be blank`);
  // The API's own rule on the text as typed, so that what is stored here can be typed at sign-in: spaces around an
  // address are refused, as the API refuses them, rather than trimmed here and refused there.
  const email = values['admin-email']!;
  if (!isEmailAddress(email)) throw new UsageError('--admin-email is not an email address');
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

/** Runs work on the configured database; a database the environment keeps us from using is one line, not a stack. */
async function withDataSource(work: (dataSource: DataSource) => Promise<void>): Promise<void> {
  const config = loadConfig();
  try {
    const dataSource = new DataSource(dataSourceOptions(config));
    await dataSource.initialize();
    try {
      await work(dataSource);
    } finally {
      await dataSource.destroy();
    }
  } catch (error) {
    throw databaseProblem(error, config.database) ?? error;
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
