import { Process, Processor } from '@nestjs/bull';
import { Injectable } from '@nestjs/common';
import type { Job } from 'bull';
import { NoticeDeliveryService } from '../notice-delivery.service.js';
import { type DeliverNoticeJob, type FanOutEnforcementJob, NOTICES_QUEUE, NoticeJob } from './notice-jobs.js';

/**
 * The one processor of the notices queue. Bull calls it through the decorators; the in-process queue of the
 * embedded default calls the same methods directly.
 */
@Injectable()
@Processor(NOTICES_QUEUE)
export class NoticesProcessor {
  constructor(private readonly delivery: NoticeDeliveryService) {}

  @Process(NoticeJob.FAN_OUT_ENFORCEMENT)
  fanOutEnforcement(job: Pick<Job<FanOutEnforcementJob>, 'data'>): Promise<number> {
    return this.delivery.fanOutEnforcement(job.data);
  }

  @Process(NoticeJob.DELIVER)
  deliver(job: Pick<Job<DeliverNoticeJob>, 'data'>): Promise<void> {
    return this.delivery.deliver(job.data);
  }
}
