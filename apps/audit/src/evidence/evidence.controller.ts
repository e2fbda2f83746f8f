import { Controller, Get, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { ApiOkResponse, ApiProduces } from '@nestjs/swagger';
import { AuditRead } from '../audit-roles';
import { DeprovisioningQueryDto } from '../deprovisioning/dto/deprovisioning-query.dto';
import { EvidenceService } from './evidence.service';

@Controller('v1/audit')
@AuditRead()
export class EvidenceController {
  constructor(private readonly evidence: EvidenceService) {}

  @Get('evidence')
  @ApiProduces('application/zip')
  @ApiOkResponse({
    description: 'The evidence bundle, a ZIP file to download.',
    content: { 'application/zip': { schema: { type: 'string', format: 'binary' } } },
  })
  bundle(@Query() query: DeprovisioningQueryDto, @Res() response: Response): Promise<void> {
    return this.evidence.send(query, response);
  }
}
