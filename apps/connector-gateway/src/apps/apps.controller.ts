import { Controller, Get } from '@nestjs/common';
import { AppRegistry, AppSummary } from './app-registry';

@Controller('v1/apps')
export class AppsController {
  constructor(private readonly registry: AppRegistry) {}

  @Get()
  list(): { apps: AppSummary[] } {
    return { apps: this.registry.list() };
  }
}
