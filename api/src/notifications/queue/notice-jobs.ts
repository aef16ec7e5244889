import type { NotificationType } from '@practice-cloud/contracts';

export const NOTICES_QUEUE = 'notices';

export const NoticeJob = {
  /** One per enforcement: loads the practice's members and queues one delivery each (addBulk). */
  FAN_OUT_ENFORCEMENT: 'fan-out-enforcement',
  /** One in-app notification and one email for one user. */
  DELIVER: 'deliver',
} as const;

export interface FanOutEnforcementJob {
  enforcementId: string;
  practiceId: string;
}

export interface DeliverNoticeJob {
  /** Unique per practice, member and cause: the second run of a job finds its notice and email already done. */
  dedupeKey: string;
  userId: string;
  type: NotificationType;
}

export type NoticeJobData =
  | { name: typeof NoticeJob.FAN_OUT_ENFORCEMENT; data: FanOutEnforcementJob }
  | { name: typeof NoticeJob.DELIVER; data: DeliverNoticeJob };

/** A job with a deterministic id, so adding the same one twice (a retried dispatch) queues it once. */
export type QueuedNoticeJob = NoticeJobData & { jobId: string };

/** Where notice jobs go: Bull on Redis, or the in-process queue of the embedded default. Same processor behind both. */
export abstract class NoticeQueue {
  abstract addBulk(jobs: QueuedNoticeJob[]): Promise<void>;
  /** Reachability for the health check. */
  abstract ping(): Promise<void>;
  /** Resolves once every queued job so far has been processed (tests, graceful shutdown). */
  abstract whenIdle(): Promise<void>;
}
