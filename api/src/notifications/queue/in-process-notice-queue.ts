import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { NoticeJob, NoticeQueue, type QueuedNoticeJob } from './notice-jobs.js';
import { NoticesProcessor } from './notices.processor.js';

const MAX_ATTEMPTS = 5;

/**
 * The embedded default's queue: no Redis, same processor. Jobs run one at a time in this process, each retried a
 * few times; a job id seen already is not queued twice.
 */
@Injectable()
export class InProcessNoticeQueue extends NoticeQueue implements OnApplicationShutdown {
  private readonly logger = new Logger('InProcessNoticeQueue');
  private readonly pending: QueuedNoticeJob[] = [];
  private readonly seen = new Set<string>();
  private running: Promise<void> | null = null;
  private stopped = false;

  // The processor is looked up when the first job runs: it depends, through the delivery service, on this queue.
  constructor(private readonly moduleRef: ModuleRef) {
    super();
  }

  private get processor(): NoticesProcessor {
    return this.moduleRef.get(NoticesProcessor, { strict: false });
  }

  addBulk(jobs: QueuedNoticeJob[]): Promise<void> {
    for (const job of jobs) {
      if (this.seen.has(job.jobId)) continue;
      this.seen.add(job.jobId);
      this.pending.push(job);
    }
    this.running ??= this.runAll().finally(() => (this.running = null));
    return Promise.resolve();
  }

  async ping(): Promise<void> {}

  async whenIdle(): Promise<void> {
    while (this.running) await this.running;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.whenIdle();
    this.stopped = true;
  }

  private async runAll(): Promise<void> {
    // Let the request that queued the jobs answer first, as it would with Bull.
    await new Promise((resolve) => setImmediate(resolve));
    while (!this.stopped) {
      const job = this.pending.shift();
      if (!job) return;
      await this.runWithRetries(job);
    }
  }

  private async runWithRetries(job: QueuedNoticeJob): Promise<void> {
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      try {
        if (job.name === NoticeJob.FAN_OUT_ENFORCEMENT) await this.processor.fanOutEnforcement(job);
        else await this.processor.deliver(job);
        return;
      } catch (error) {
        this.logger.warn(`Job ${job.name} failed (attempt ${attempt} of ${MAX_ATTEMPTS}): ${String(error)}`);
        await new Promise((resolve) => setTimeout(resolve, 200 * attempt));
      }
    }
    // Like a failed Bull job: the job id may be queued again by a later dispatch.
    this.seen.delete(job.jobId);
  }
}
