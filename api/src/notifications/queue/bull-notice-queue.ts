import { InjectQueue } from '@nestjs/bull';
import { Injectable } from '@nestjs/common';
import type { Queue } from 'bull';
import { NOTICES_QUEUE, NoticeQueue, type QueuedNoticeJob } from './notice-jobs.js';

/** Retries with backoff: an SMTP hiccup delays an email, it does not lose it. */
const JOB_OPTIONS = { attempts: 8, backoff: { type: 'exponential', delay: 2000 }, removeOnComplete: 1000, removeOnFail: 5000 };

@Injectable()
export class BullNoticeQueue extends NoticeQueue {
  constructor(@InjectQueue(NOTICES_QUEUE) private readonly queue: Queue) {
    super();
  }

  async addBulk(jobs: QueuedNoticeJob[]): Promise<void> {
    if (jobs.length === 0) return;
    await this.queue.addBulk(jobs.map(({ name, data, jobId }) => ({ name, data, opts: { ...JOB_OPTIONS, jobId } })));
  }

  async ping(): Promise<void> {
    const client = await this.queue.isReady();
    await client.client.ping();
  }

  async whenIdle(): Promise<void> {
    for (;;) {
      const counts = await this.queue.getJobCounts();
      if (counts.waiting + counts.active + counts.delayed === 0) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}
