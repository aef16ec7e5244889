import { Controller, Get } from '@nestjs/common';
import { HealthCheck, type HealthCheckResult, HealthCheckService, TypeOrmHealthIndicator, HealthIndicatorService } from '@nestjs/terminus';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { Public } from '../common/auth/access-policy.decorators.js';
import { HealthCheckFailedSchema, HealthCheckSchema } from '../common/openapi/response-schemas.js';
import { NoticeQueue } from '../notifications/queue/notice-jobs.js';

const CHECK_TIMEOUT_MS = 1500;

/** Reachability of the database and the queue, for people and for orchestrators. */
@ApiTags('health')
@Controller('health')
@Public()
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly indicators: HealthIndicatorService,
    private readonly queue: NoticeQueue,
  ) {}

  @Get()
  @HealthCheck()
  @ApiOkResponse({ type: HealthCheckSchema, description: 'The database and the queue are reachable.' })
  @ApiServiceUnavailableResponse({ type: HealthCheckFailedSchema, description: 'SERVICE_UNAVAILABLE: a dependency is down.' })
  check(): Promise<HealthCheckResult> {
    return this.health.check([() => this.database.pingCheck('database', { timeout: CHECK_TIMEOUT_MS }), () => this.queueCheck()]);
  }

  /** Liveness: the process answers. Orchestrators restart it when this fails. */
  @Get('live')
  @ApiOkResponse({ description: '`{ "status": "ok" }` while the process runs; checks no dependency.' })
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /** Readiness: the same checks as /health; orchestrators send traffic only while this is 200. */
  @Get('ready')
  @HealthCheck()
  @ApiOkResponse({ type: HealthCheckSchema, description: 'Ready for traffic.' })
  @ApiServiceUnavailableResponse({ type: HealthCheckFailedSchema, description: 'SERVICE_UNAVAILABLE: send no traffic.' })
  ready(): Promise<HealthCheckResult> {
    return this.check();
  }

  private async queueCheck() {
    const indicator = this.indicators.check('queue');
    try {
      await Promise.race([
        this.queue.ping(),
        new Promise((_, reject) => setTimeout(() => reject(new Error('timed out')), CHECK_TIMEOUT_MS).unref()),
      ]);
      return indicator.up();
    } catch (error) {
      return indicator.down({ message: error instanceof Error ? error.message : String(error) });
    }
  }
}
