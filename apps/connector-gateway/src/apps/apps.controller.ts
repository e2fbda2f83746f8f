import { Controller, Get } from '@nestjs/common';
import type { AppSummary } from '@tenure/contracts';
import { AppRegistry } from './app-registry';

@Controller('v1/apps')
export class AppsController {
  constructor(private readonly registry: AppRegistry) {}

  /** The configured apps, what each connector can do, and each app's circuit health. */
  @Get()
  list(): { apps: AppSummary[] } {
    return { apps: this.registry.list() };
  }
}
