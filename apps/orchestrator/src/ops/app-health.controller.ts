import { Controller, Get } from '@nestjs/common';
import { AppHealthService, AppHealthView } from './app-health.service';
import { OpsRead } from './ops-access';

@Controller('v1/apps')
export class AppHealthController {
  constructor(private readonly apps: AppHealthService) {}

  @Get('health')
  @OpsRead()
  health(): Promise<{ apps: AppHealthView[] }> {
    return this.apps.health();
  }
}
