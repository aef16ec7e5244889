import { type DynamicModule, type INestApplication, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { API_PREFIX } from '@practice-cloud/contracts';
import cookieParser from 'cookie-parser';
import express, { type NextFunction, type Request, type Response } from 'express';
import helmet from 'helmet';
import { existsSync } from 'node:fs';
import type { Server } from 'node:http';
import { join } from 'node:path';
import { Logger } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import { AppModule } from './app.module.js';
import { ApiExceptionFilter } from './common/errors/api-exception.filter.js';
import { LoggingModule } from './common/logging/logging.module.js';
import { serveOpenApi } from './common/openapi/openapi.js';
import { ThrottlingModule } from './common/throttling/throttling.module.js';
import type { AppConfig } from './config/app-config.js';

export const BODY_LIMIT = '100kb';

export interface CreateAppOptions {
  /** `false` silences the log (tests), unless a `logStream` is given. */
  logger?: false;
  /** Where the JSON log lines go instead of stdout (tests capture them). */
  logStream?: DestinationStream;
}

/** The feature modules plus what an operator needs around them: JSON logs and the sign-in limits. */
@Module({})
class ProductModule {
  static forRoot(config: AppConfig, options: CreateAppOptions): DynamicModule {
    const silent = options.logger === false && !options.logStream;
    return {
      module: ProductModule,
      imports: [
        AppModule.forRoot(config),
        LoggingModule.forRoot({ logLevel: silent ? 'silent' : config.logLevel }, options.logStream),
        ThrottlingModule,
      ],
    };
  }
}

/** Builds the whole product: the API under /api and, when built, the portal at /. */
export async function createApp(config: AppConfig, options: CreateAppOptions = {}): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(ProductModule.forRoot(config, options), {
    bodyParser: false,
    bufferLogs: true,
  });
  app.useLogger(app.get(Logger));
  app.set('trust proxy', config.trustProxy);
  app.disable('x-powered-by');
  app.use(helmet({ contentSecurityPolicy: { directives: { 'img-src': ["'self'", 'data:'] } } }));
  if (config.corsOrigins.length > 0) app.enableCors({ origin: config.corsOrigins, credentials: true });
  app.use(cookieParser());
  app.useBodyParser('json', { limit: BODY_LIMIT, strict: true });
  app.setGlobalPrefix(API_PREFIX);
  serveOpenApi(app);
  servePortal(app, config.portalDir);
  await app.init();
  // body-parser rejects a malformed or oversized body before Nest's router sees it; answer in the contract's shape.
  app.use(contractErrorHandler);
  return app;
}

function servePortal(app: INestApplication, portalDir: string | null): void {
  if (!portalDir || !existsSync(join(portalDir, 'index.html'))) return;
  const index = join(portalDir, 'index.html');
  app.use(express.static(portalDir, { index: false, maxAge: '1h' }));
  // Every non-API GET is a portal route: the Angular router takes it from index.html.
  app.use((request: Request, response: Response, next: NextFunction) => {
    if (request.method !== 'GET' || request.path === `/${API_PREFIX}` || request.path.startsWith(`/${API_PREFIX}/`)) {
      return next();
    }
    response.sendFile(index);
  });
}

const filter = new ApiExceptionFilter();

function contractErrorHandler(error: unknown, _request: Request, response: Response, next: NextFunction): void {
  if (response.headersSent) return next(error);
  const { body } = filter.toErrorBody(error);
  response.status(body.statusCode).json(body);
}

/**
 * Stops taking requests, lets running requests and jobs finish, closes connections: the HTTP server closes
 * first (in-flight requests complete), then every module's shutdown hook (Bull waits for its active jobs, the
 * outbox and mailer stop, the database and Redis connections close).
 */
export async function closeApp(app: INestApplication): Promise<void> {
  // A keep-alive connection that goes idle once its last answer is out closes at once, instead of holding the
  // shutdown for the keep-alive timeout.
  (app.getHttpServer() as Server).keepAliveTimeout = 1;
  await app.close();
}
