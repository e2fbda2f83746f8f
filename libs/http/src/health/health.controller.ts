import { Controller, Get, Inject, Optional, ServiceUnavailableException } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';
import { Public } from '@tenure/auth';
import { LivenessView, ReadinessView } from './dto/health.view';
import { probeReadiness, READINESS_CHECKS, ReadinessCheck } from './readiness';

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
  @ApiOkResponse({ type: LivenessView })
  health(): LivenessView {
    return { status: 'ok' };
  }

  @Public()
  @Get('live')
  @ApiOkResponse({ type: LivenessView })
  live(): LivenessView {
    return { status: 'ok' };
  }

  @Public()
  @Get('ready')
  @ApiOkResponse({ type: ReadinessView })
  async ready(): Promise<ReadinessView> {
    const readiness = await probeReadiness(this.checks);
    if (readiness.status !== 'ready') throw new ServiceUnavailableException(readiness);
    return readiness;
  }
}
