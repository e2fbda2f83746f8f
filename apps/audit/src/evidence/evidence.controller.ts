import { Controller, Get, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { AuditRead } from '../audit-roles';
import { DeprovisioningQueryDto } from '../deprovisioning/dto/deprovisioning-query.dto';
import { EvidenceService } from './evidence.service';

@Controller('v1/audit')
@AuditRead()
export class EvidenceController {
  constructor(private readonly evidence: EvidenceService) {}

  @Get('evidence')
  bundle(@Query() query: DeprovisioningQueryDto, @Res() response: Response): Promise<void> {
    return this.evidence.send(query, response);
  }
}
