import { Controller, Get, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { AuditRead } from '../audit-roles';
import { AuditExportService } from './audit-export.service';
import { AuditExportQueryDto } from './dto/audit-export-query.dto';

@Controller('v1/audit')
@AuditRead()
export class AuditExportController {
  constructor(private readonly exporter: AuditExportService) {}

  @Get('export')
  export(@Query() query: AuditExportQueryDto, @Res() response: Response): Promise<void> {
    return this.exporter.send(query, response);
  }
}
