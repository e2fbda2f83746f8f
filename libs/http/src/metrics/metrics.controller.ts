import { Controller, Get, Header, Inject, UseGuards } from '@nestjs/common';
import { ApiProduces, ApiSecurity } from '@nestjs/swagger';
import { API_SECURITY, Public } from '@tenure/auth';
import { SERVICE_METRICS, ServiceMetrics } from '@tenure/observability';
import { MetricsTokenGuard } from './metrics-token.guard';

/** Prometheus text format; scraped with a bearer token (Prometheus `authorization` setting). */
@Controller('metrics')
export class MetricsController {
  constructor(@Inject(SERVICE_METRICS) private readonly metrics: ServiceMetrics) {}

  // @Public steps past the service's own token guard; the metrics guard decides instead.
  @Public()
  @UseGuards(MetricsTokenGuard)
  @ApiSecurity(API_SECURITY.metrics)
  @ApiProduces('text/plain')
  @Get()
  @Header('content-type', 'text/plain; version=0.0.4; charset=utf-8')
  render(): Promise<string> {
    return this.metrics.render();
  }
}
