import { Controller, Get, Query } from '@nestjs/common';
import { DeprovisioningRead } from '../audit-roles';
import { ApiOkResponse } from '@nestjs/swagger';
import { DeprovisioningService } from './deprovisioning.service';
import { DeprovisioningReportView } from './dto/deprovisioning-report.view';
import { DeprovisioningQueryDto } from './dto/deprovisioning-query.dto';

@Controller('v1/audit')
@DeprovisioningRead()
export class DeprovisioningController {
  constructor(private readonly deprovisioning: DeprovisioningService) {}

  @Get('deprovisioning')
  @ApiOkResponse({ type: DeprovisioningReportView })
  report(@Query() query: DeprovisioningQueryDto): Promise<DeprovisioningReportView> {
    return this.deprovisioning.report(query);
  }
}
