import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { API_PREFIX } from '@practice-cloud/contracts';
import cookieParser from 'cookie-parser';
import express, { type NextFunction, type Request, type Response } from 'express';
import helmet from 'helmet';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { AppModule } from './app.module.js';
import { ApiExceptionFilter } from './common/errors/api-exception.filter.js';
import type { AppConfig } from './config/app-config.js';

export const BODY_LIMIT = '100kb';

/** Builds the whole product: the API under /api and, when built, the portal at /. */
export async function createApp(config: AppConfig, options: { logger?: false } = {}): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    bodyParser: false,
    ...(options.logger === false ? { logger: false } : {}),
  });
  app.set('trust proxy', 'loopback');
  app.disable('x-powered-by');
  app.use(helmet({ contentSecurityPolicy: { directives: { 'img-src': ["'self'", 'data:'] } } }));
  if (config.corsOrigins.length > 0) app.enableCors({ origin: config.corsOrigins, credentials: true });
  app.use(cookieParser());
  app.useBodyParser('json', { limit: BODY_LIMIT, strict: true });
  app.setGlobalPrefix(API_PREFIX);
  servePortal(app, config.portalDir);
  app.enableShutdownHooks();
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

/** Stops taking requests, lets running jobs finish, closes connections. */
export async function closeApp(app: INestApplication): Promise<void> {
  await app.close();
}
