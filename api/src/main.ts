import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import type { INestApplication } from '@nestjs/common';
import { closeApp, createApp } from './app.factory.js';
import { ConfigError, loadConfig } from './config/app-config.js';
import { checkDatabaseConfiguration } from './database/configuration-problems.js';
import { seedDemoIfEmpty } from './seed/demo-seed.js';

const logger = new Logger('Main');

async function main(): Promise<void> {
  const config = loadConfig();
  await checkDatabaseConfiguration(config);
  const app = await createApp(config);
  stopGracefullyOnSignals(app, config.shutdownTimeoutSeconds);
  if (config.seedDemo) await seedDemoIfEmpty(app, config.port);
  await app.listen(config.port);
  const where = config.database.kind === 'sqlite' ? `embedded SQLite (${config.database.file})` : 'MySQL';
  logger.log(
    `Practice Cloud is running on http://localhost:${config.port} — API at /api, docs at /api/docs, database: ${where}, ` +
      `queue: ${config.redisUrl ? 'Bull on Redis' : 'in-process'}.`,
  );
}

/**
 * SIGTERM (an orchestrator stopping the container) and SIGINT (Ctrl-C): stop taking requests, let running requests
 * and jobs finish, close connections, exit 0. A shutdown that hangs past the timeout exits 1 instead.
 */
function stopGracefullyOnSignals(app: INestApplication, timeoutSeconds: number): void {
  const stop = (signal: NodeJS.Signals) => {
    logger.log(`${signal} received: finishing running requests and jobs, then stopping.`);
    const deadline = setTimeout(() => {
      logger.error(`Still stopping after ${timeoutSeconds} s; exiting anyway.`);
      process.exit(1);
    }, timeoutSeconds * 1000);
    deadline.unref();
    closeApp(app).then(
      () => {
        logger.log('Stopped.');
        process.exitCode = 0;
      },
      (error: unknown) => {
        logger.error(`Shutdown failed: ${error instanceof Error ? error.stack : String(error)}`);
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((error: unknown) => {
  // A configuration problem is one clear line; anything else keeps its stack.
  console.error(error instanceof ConfigError ? `Configuration error: ${error.message}` : error);
  process.exit(1);
});
