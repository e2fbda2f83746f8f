import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';
import { AppHealthService } from './app-health.service';
import { AppHealthListView } from './dto/app-health.view';
import { OpsRead } from './ops-access';

@Controller('v1/apps')
export class AppHealthController {
  constructor(private readonly apps: AppHealthService) {}

  @Get('health')
  @OpsRead()
  @ApiOkResponse({ type: AppHealthListView })
  health(): Promise<AppHealthListView> {
    return this.apps.health();
  }
}
