import { type DynamicModule, type INestApplication, Logger, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { API_PREFIX } from '@practice-cloud/contracts';
import cookieParser from 'cookie-parser';
import express, { type NextFunction, type Request, type Response } from 'express';
import { existsSync } from 'node:fs';
import { type Server, STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import { join } from 'node:path';
import { Logger as PinoLogger } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import { AppModule } from './app.module.js';
import { ApiExceptionFilter, errorBody } from './common/errors/api-exception.filter.js';
import { requireJsonObjectBody } from './common/validation/body-shape.js';
import { LoggingModule } from './common/logging/logging.module.js';
import { serveOpenApi } from './common/openapi/openapi.js';
import { securityHeaders } from './common/security-headers.js';
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
  app.useLogger(app.get(PinoLogger));
  app.set('trust proxy', config.trustProxy);
  app.disable('x-powered-by');
  // HSTS and `upgrade-insecure-requests` only over HTTPS: over plain HTTP (a LAN address) they leave a blank page.
  app.use(securityHeaders);
  if (config.corsOrigins.length > 0) app.enableCors({ origin: config.corsOrigins, credentials: true });
  app.use(cookieParser());
  app.useBodyParser('json', { limit: BODY_LIMIT, strict: true });
  app.use(requireJsonObjectBody);
  // Answers carry secrets, codes and tokens: no browser, proxy or CDN may keep a copy of any of them.
  app.use(`/${API_PREFIX}`, (_request: Request, response: Response, next: NextFunction) => {
    response.setHeader('Cache-Control', 'no-store');
    next();
  });
  app.setGlobalPrefix(API_PREFIX);
  serveOpenApi(app);
  servePortal(app, config.portalDir);
  await app.init();
  answerMalformedRequestsInContractShape(app.getHttpServer());
  // What neither the API nor the portal serves (`/` when the API runs alone): the contract's 404, not Express's page.
  app.use((_request: Request, response: Response) => {
    response.status(404).json(errorBody(404, 'NOT_FOUND', 'Not found.'));
  });
  // body-parser rejects a malformed or oversized body before Nest's router sees it; answer in the contract's shape.
  app.use(contractErrorHandler);
  return app;
}

/** A PORTAL_DIR that was set holds index.html (the config checks); only the default may be not built yet. */
function servePortal(app: INestApplication, portalDir: string | null): void {
  if (!portalDir) return;
  const index = join(portalDir, 'index.html');
  if (!existsSync(index)) {
    new Logger('Portal').warn(`The portal is not built (no ${index}; \`npm run build\` builds it): serving the API only.`);
    return;
  }
  app.use(express.static(portalDir, { index: false, maxAge: '1h' }));
  // Every non-API GET is a portal route: the Angular router takes it from index.html.
  app.use((request: Request, response: Response, next: NextFunction) => {
    if (request.method !== 'GET' || request.path === `/${API_PREFIX}` || request.path.startsWith(`/${API_PREFIX}/`)) {
      return next();
    }
    response.sendFile(index);
  });
}

/**
 * Requests Node's HTTP parser refuses before Express sees them (headers over its limit, broken framing) get the
 * contract's error body too, instead of an empty 431 or 400.
 */
function answerMalformedRequestsInContractShape(server: Server): void {
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    if (error.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    const status = error.code === 'HPE_HEADER_OVERFLOW' ? 431 : 400;
    const message = status === 431 ? 'The request headers are too large.' : 'The request is malformed.';
    const body = JSON.stringify(errorBody(status, 'VALIDATION_FAILED', message));
    socket.end(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/json; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n${body}`,
    );
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
