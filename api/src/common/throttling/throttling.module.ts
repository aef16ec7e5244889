import { Global, Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';
import { AttemptCounter, MemoryAttemptCounter } from './attempt-counter.js';
import { RedisAttemptCounter } from './redis-attempt-counter.js';
import { SignInAttempts } from './sign-in-attempts.service.js';
import { SignInThrottleGuard } from './sign-in-throttle.guard.js';

/**
 * The sign-in limits. With REDIS_URL the counters live in Redis, so the limits hold across every API instance.
 * (@nestjs/throttler 6 is CommonJS and requires the ESM-only @nestjs/common 12, which Jest's ESM mode on Node 20
 * cannot load; this is the small part of it we need.)
 */
@Global()
@Module({
  providers: [
    {
      provide: AttemptCounter,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) =>
        config.redisUrl ? new RedisAttemptCounter(config.redisUrl, config.queuePrefix) : new MemoryAttemptCounter(),
    },
    SignInAttempts,
    SignInThrottleGuard,
  ],
  exports: [SignInAttempts, SignInThrottleGuard],
})
export class ThrottlingModule {}
