import { Controller, Get, Header } from '@nestjs/common';
import { AppRegistry } from '../apps/app-registry';

/** Prometheus metrics; scraped with the gateway token like every other call (Prometheus `authorization` setting). */
@Controller('metrics')
export class MetricsController {
  constructor(private readonly registry: AppRegistry) {}

  @Get()
  @Header('content-type', 'text/plain; version=0.0.4; charset=utf-8')
  render(): Promise<string> {
    return this.registry.metrics.render();
  }
}
