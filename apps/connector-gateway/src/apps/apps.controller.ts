import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';
import { AppRegistry } from './app-registry';
import { AppListView } from './dto/app-summary.view';

@Controller('v1/apps')
export class AppsController {
  constructor(private readonly registry: AppRegistry) {}

  /** The configured apps, what each connector can do, and each app's circuit health. */
  @Get()
  @ApiOkResponse({ type: AppListView })
  list(): AppListView {
    return { apps: this.registry.list() };
  }
}
