import { Controller, Get, Query } from '@nestjs/common';
import { DeprovisioningRead } from '../audit-roles';
import { DeprovisioningReport, DeprovisioningService } from './deprovisioning.service';
import { DeprovisioningQueryDto } from './dto/deprovisioning-query.dto';

@Controller('v1/audit')
@DeprovisioningRead()
export class DeprovisioningController {
  constructor(private readonly deprovisioning: DeprovisioningService) {}

  @Get('deprovisioning')
  report(@Query() query: DeprovisioningQueryDto): Promise<DeprovisioningReport> {
    return this.deprovisioning.report(query);
  }
}
