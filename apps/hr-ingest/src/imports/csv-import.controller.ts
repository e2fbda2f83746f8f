import { ApiOkResponse } from '@nestjs/swagger';
import { Controller, HttpCode, Post, Req } from '@nestjs/common';
import type { Request } from 'express';
import { IngestEndpoint } from '../limits/ingest-source.decorator';
import { CsvImportService } from './csv-import.service';
import { ImportTokenGuard } from './import-token.guard';
import { ImportSummaryView } from './dto/import-summary.view';

@Controller('v1/imports')
export class CsvImportController {
  constructor(private readonly service: CsvImportService) {}

  /** The body is read as a stream: a file of any length within the limit, in flat memory. */
  @IngestEndpoint('csv', ImportTokenGuard, 'text/csv')
  @Post('csv')
  @HttpCode(200)
  @ApiOkResponse({
    type: ImportSummaryView,
    description: 'Every row was read: accepted, duplicate or rejected with its errors.',
  })
  import(@Req() request: Request): Promise<ImportSummaryView> {
    const length = request.header('content-length');
    return this.service.import(request, length && /^\d+$/.test(length) ? Number(length) : undefined);
  }
}
