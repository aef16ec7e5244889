import { type DynamicModule, Module } from '@nestjs/common';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { LoggerModule } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import type { AppConfig } from '../../config/app-config.js';
import { REDACTED_PATHS } from './redaction.js';
import { requestIdOf } from './request-id.js';

/**
 * Structured JSON logs (pino) with the request id on every line written while a request runs, one line per
 * finished request, and the secrets of this product redacted wherever they could appear.
 */
@Module({})
export class LoggingModule {
  static forRoot(config: Pick<AppConfig, 'logLevel'>, destination?: DestinationStream): DynamicModule {
    const options = {
      level: config.logLevel,
      redact: { paths: REDACTED_PATHS, censor: '[REDACTED]' },
      genReqId: requestIdOf,
      customAttributeKeys: { reqId: 'requestId' },
      // Lines logged during a request carry its id only; the full request is on the request's own line.
      quietReqLogger: true,
      customLogLevel: (_request: IncomingMessage, response: ServerResponse, error?: Error) =>
        error || response.statusCode >= 500 ? 'error' : response.statusCode >= 400 ? 'warn' : 'info',
      // Orchestrators probe liveness every few seconds; a line each time would drown the log.
      autoLogging: { ignore: (request: IncomingMessage) => request.url === '/api/health/live' },
    } as const;
    return {
      module: LoggingModule,
      imports: [LoggerModule.forRoot({ pinoHttp: destination ? [options, destination] : options })],
    };
  }
}
