import 'reflect-metadata';
import { createApp } from './app.factory.js';
import { ConfigError, loadConfig } from './config/app-config.js';
import { seedDemoIfEmpty } from './seed/demo-seed.js';

async function main(): Promise<void> {
  const config = loadConfig();
  const app = await createApp(config);
  if (config.seedDemo) await seedDemoIfEmpty(app);
  await app.listen(config.port);
  const where = config.database.kind === 'sqlite' ? `embedded SQLite (${config.database.file})` : 'MySQL';
  console.log(
    `Practice Cloud is running on http://localhost:${config.port} — API at /api, database: ${where}, ` +
      `queue: ${config.redisUrl ? 'Bull on Redis' : 'in-process'}.`,
  );
}

main().catch((error: unknown) => {
  // A configuration problem is one clear line; anything else keeps its stack.
  console.error(error instanceof ConfigError ? `Configuration error: ${error.message}` : error);
  process.exit(1);
});
