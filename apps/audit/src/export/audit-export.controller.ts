import { Controller, Get, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { ApiOkResponse, ApiProduces } from '@nestjs/swagger';
import { AuditRead } from '../audit-roles';
import { AuditExportService } from './audit-export.service';
import { AuditExportQueryDto } from './dto/audit-export-query.dto';

@Controller('v1/audit')
@AuditRead()
export class AuditExportController {
  constructor(private readonly exporter: AuditExportService) {}

  @Get('export')
  @ApiProduces('text/csv', 'application/x-ndjson')
  @ApiOkResponse({
    description: 'Every matching record, streamed: CSV, or one JSON record a line (`format`).',
    content: { 'text/csv': { schema: { type: 'string' } }, 'application/x-ndjson': { schema: { type: 'string' } } },
  })
  export(@Query() query: AuditExportQueryDto, @Res() response: Response): Promise<void> {
    return this.exporter.send(query, response);
  }
}
