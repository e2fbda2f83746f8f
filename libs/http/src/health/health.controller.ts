import { Controller, Get, Inject, Optional, ServiceUnavailableException } from '@nestjs/common';
import { Public } from '@tenure/auth';
import { probeReadiness, Readiness, READINESS_CHECKS, ReadinessCheck } from './readiness';

/**
 * Health for process managers and Kubernetes: `live` says the process answers
 * (restart it if not), `ready` that the servers it needs answer too (send it
 * traffic). `GET /health` stays as the liveness answer scripts already use.
 */
@Controller('health')
export class HealthController {
  constructor(@Optional() @Inject(READINESS_CHECKS) private readonly checks: ReadinessCheck[] = []) {}

  @Public()
  @Get()
  health(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Public()
  @Get('live')
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Public()
  @Get('ready')
  async ready(): Promise<Readiness> {
    const readiness = await probeReadiness(this.checks);
    if (readiness.status !== 'ready') throw new ServiceUnavailableException(readiness);
    return readiness;
  }
}
