import { Logger } from '@nestjs/common';
import { Redis } from 'ioredis';
import { type AttemptCount, AttemptCounter, MemoryAttemptCounter } from './attempt-counter.js';

/** One atomic step per attempt: count it, and start the window's expiry with the first one. */
const HIT_SCRIPT = `
local hits = redis.call('INCR', KEYS[1])
if hits == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return { hits, redis.call('PTTL', KEYS[1]) }
`;

const COMMAND_TIMEOUT_MS = 1000;

type WithHitCommand = Redis & { attemptHit(key: string, windowMs: number): Promise<[number, number]> };

/**
 * Attempt counters in Redis, so a limit holds across every API instance that shares it. While Redis is unreachable
 * this instance counts in memory instead: sign-in stays available, and still limited.
 */
export class RedisAttemptCounter extends AttemptCounter {
  private readonly logger = new Logger('RedisAttemptCounter');
  private readonly redis: WithHitCommand;
  private readonly fallback = new MemoryAttemptCounter();

  constructor(
    redisUrl: string,
    private readonly keyPrefix: string,
  ) {
    super();
    this.redis = new Redis(redisUrl, { commandTimeout: COMMAND_TIMEOUT_MS, maxRetriesPerRequest: 1 }) as WithHitCommand;
    this.redis.on('error', (error: Error) => this.logger.warn(`Redis: ${error.message}`));
    this.redis.defineCommand('attemptHit', { numberOfKeys: 1, lua: HIT_SCRIPT });
  }

  async hit(key: string, windowMs: number): Promise<AttemptCount> {
    try {
      const [hits, ttlMs] = await this.redis.attemptHit(`${this.keyPrefix}:attempts:${key}`, windowMs);
      return { hits, resetInMs: ttlMs > 0 ? ttlMs : windowMs };
    } catch (error) {
      this.logger.warn(`Counting sign-in attempts in memory, Redis failed: ${error instanceof Error ? error.message : String(error)}`);
      return this.fallback.hit(key, windowMs);
    }
  }

  async close(): Promise<void> {
    await this.fallback.close();
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}
