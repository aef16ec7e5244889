import { Global, Module } from '@nestjs/common';
import { SessionsService } from './sessions.service.js';

/** Sessions are needed by the global session guard and by every module that ends sessions. */
@Global()
@Module({ providers: [SessionsService], exports: [SessionsService] })
export class SessionsModule {}
