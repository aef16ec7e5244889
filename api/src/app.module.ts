import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR, APP_PIPE } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from './auth/auth.module.js';
import { SessionsModule } from './auth/sessions.module.js';
import { ClientsModule } from './clients/clients.module.js';
import { AdminGuard, SessionGuard, TwoFactorEnrolmentGuard } from './common/auth/access.guards.js';
import { CommonModule } from './common/common.module.js';
import { ApiExceptionFilter } from './common/errors/api-exception.filter.js';
import { BodylessRoutesInterceptor } from './common/validation/body-shape.js';
import { createValidationPipe } from './common/validation/validation.pipe.js';
import type { AppConfig } from './config/app-config.js';
import { ConfigModule } from './config/config.module.js';
import { databaseConfigurationProblem } from './database/configuration-problems.js';
import { dataSourceOptions } from './database/data-source-options.js';
import { HealthModule } from './health/health.module.js';
import { NotificationsModule } from './notifications/notifications.module.js';
import { PasswordModule } from './password/password.module.js';
import { PracticeModule } from './practice/practice.module.js';
import { ProfileModule } from './profile/profile.module.js';
import { TwoFactorModule } from './two-factor/two-factor.module.js';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        // The schema comes from the migrations, applied here at start; never from `synchronize`. A database or user
        // the server does not know is a configuration problem: no use retrying it.
        TypeOrmModule.forRoot({
          ...dataSourceOptions(config),
          migrationsRun: true,
          toRetry: (error) => config.database.kind !== 'mysql' || !databaseConfigurationProblem(error, config.database.url),
        }),
        CommonModule,
        SessionsModule,
        NotificationsModule.forRoot(config),
        AuthModule,
        ProfileModule,
        TwoFactorModule,
        PasswordModule,
        PracticeModule,
        ClientsModule,
        HealthModule,
      ],
      providers: [
        // Global guards, in order: who is calling, may they administer, are they 2FA-compliant. Deny by default.
        { provide: APP_GUARD, useClass: SessionGuard },
        { provide: APP_GUARD, useClass: AdminGuard },
        { provide: APP_GUARD, useClass: TwoFactorEnrolmentGuard },
        { provide: APP_PIPE, useFactory: createValidationPipe },
        { provide: APP_INTERCEPTOR, useClass: BodylessRoutesInterceptor },
        { provide: APP_FILTER, useClass: ApiExceptionFilter },
      ],
    };
  }
}
