import { Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { NotificationType } from '@practice-cloud/contracts';
import { DataSource, type EntityManager, In, IsNull } from 'typeorm';
import { Clock } from '../common/clock.js';
import { newId } from '../common/crypto/tokens.js';
import type { User } from '../users/entities/user.entity.js';
import { NoticeOutbox } from './entities/notice-outbox.entity.js';
import {
  type DeliverNoticeJob,
  type FanOutEnforcementJob,
  NoticeJob,
  NoticeQueue,
  type QueuedNoticeJob,
} from './queue/notice-jobs.js';

/** Notices about one account: its 2FA changed, or it joined a practice that requires 2FA. */
export type AccountEvent = Extract<
  NotificationType,
  'TWO_FACTOR_ENABLED' | 'TWO_FACTOR_DISABLED' | 'TWO_FACTOR_RESET' | 'TWO_FACTOR_REQUIRED' | 'PASSWORD_CHANGED'
>;

/** How long a dispatch may wait on the queue: while Redis is down, `add` can hang, and nothing should wait on it. */
const QUEUE_TIMEOUT_MS = 3000;
/** How often rows left behind (Redis was down, the process stopped) are tried again. */
const RETRY_INTERVAL_MS = 5000;
const BATCH = 200;

/**
 * The transactional outbox of notices. A change that causes notices records the intent here, in its own
 * transaction; the dispatcher then hands it to the queue. So a notice is never lost to a Redis outage, and a
 * request never waits for Redis.
 */
@Injectable()
export class NoticeOutboxService implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('NoticeOutbox');
  private timer: NodeJS.Timeout | undefined;
  private dispatching: Promise<void> | null = null;
  private again = false;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly queue: NoticeQueue,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.timer = setInterval(() => this.dispatchSoon(), RETRY_INTERVAL_MS);
    this.timer.unref();
    this.dispatchSoon();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.dispatching;
  }

  async recordEnforcement(manager: EntityManager, practiceId: string): Promise<string> {
    const id = newId();
    const payload: FanOutEnforcementJob = { enforcementId: id, practiceId };
    await this.insert(manager, { id, kind: 'PRACTICE_ENFORCEMENT', practiceId, payload: JSON.stringify(payload) });
    return id;
  }

  async recordAccountEvent(manager: EntityManager, user: User, type: AccountEvent): Promise<void> {
    const id = newId();
    const payload: DeliverNoticeJob = { dedupeKey: `account:${id}`, userId: user.id, type };
    await this.insert(manager, { id, kind: 'ACCOUNT_EVENT', practiceId: user.practiceId, payload: JSON.stringify(payload) });
  }

  /** Starts a dispatch without waiting for it; call after the recording transaction committed. */
  dispatchSoon(): void {
    if (this.dispatching) {
      this.again = true;
      return;
    }
    this.dispatching = this.dispatchPending()
      .catch((error: unknown) => this.logger.warn(`Notices wait in the outbox: ${String(error)}`))
      .finally(() => {
        this.dispatching = null;
        if (this.again) {
          this.again = false;
          this.dispatchSoon();
        }
      });
  }

  /** Resolves when the outbox has nothing left to hand over (tests, shutdown). */
  async flush(): Promise<void> {
    while (this.dispatching) await this.dispatching;
    await this.dispatchPending();
  }

  private async dispatchPending(): Promise<void> {
    const repository = this.dataSource.getRepository(NoticeOutbox);
    for (;;) {
      const rows = await repository.find({ where: { dispatchedAt: IsNull() }, order: { createdAt: 'ASC' }, take: BATCH });
      if (rows.length === 0) return;
      await withTimeout(this.queue.addBulk(rows.map(toJob)), QUEUE_TIMEOUT_MS);
      await repository.update({ id: In(rows.map((row) => row.id)) }, { dispatchedAt: this.clock.now() });
      if (rows.length < BATCH) return;
    }
  }

  private async insert(manager: EntityManager, row: Omit<NoticeOutbox, 'createdAt' | 'dispatchedAt'>): Promise<void> {
    await manager.getRepository(NoticeOutbox).insert({ ...row, createdAt: this.clock.now(), dispatchedAt: null });
  }
}

function toJob(row: NoticeOutbox): QueuedNoticeJob {
  return row.kind === 'PRACTICE_ENFORCEMENT'
    ? { name: NoticeJob.FAN_OUT_ENFORCEMENT, data: JSON.parse(row.payload) as FanOutEnforcementJob, jobId: `enforcement:${row.id}` }
    : { name: NoticeJob.DELIVER, data: JSON.parse(row.payload) as DeliverNoticeJob, jobId: `account:${row.id}` };
}

async function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`the queue did not answer within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
