import { Inject, Injectable } from '@nestjs/common';
import { pipeline } from 'node:stream/promises';
import type { Response } from 'express';
import type { Logger } from 'pino';
import { AUDIT_LOGGER } from '../audit-logger';
import { AuditRowStreamer } from './audit-row.streamer';
import { AuditExportQueryDto } from './dto/audit-export-query.dto';
import { EXPORT_CONTENT_TYPES, exportFormatter } from './export-format';

/** Streams a filtered range of the record to an HTTP response, with the response's own backpressure. */
@Injectable()
export class AuditExportService {
  constructor(
    private readonly rows: AuditRowStreamer,
    @Inject(AUDIT_LOGGER) private readonly logger: Logger,
  ) {}

  async send(query: AuditExportQueryDto, response: Response): Promise<void> {
    const { format, order, ...filter } = query;
    const rows = await this.rows.open(filter, order);
    response.status(200);
    response.setHeader('content-type', EXPORT_CONTENT_TYPES[format]);
    response.setHeader('content-disposition', `attachment; filename="tenure-audit.${format}"`);
    try {
      await pipeline(rows, exportFormatter(format), response);
    } catch (error) {
      // Headers are gone by now: a client that went away, or a failure half-way, ends the response short.
      this.logger.warn({ err: error, format }, 'export ended early');
    }
  }
}
