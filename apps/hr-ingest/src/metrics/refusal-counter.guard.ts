import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Response } from 'express';
import { INGEST_SOURCE_KEY } from '../limits/ingest-source.key';
import type { SourceId } from '../sources/hr-sources.config';
import { IngestMetrics } from './ingest-metrics';

/**
 * First in a source endpoint's guards: it lets every request through and
 * counts the answer once it is sent, so refusals by the later guards (rate
 * limit, content type, signature), by validation and by the service all count.
 */
@Injectable()
export class RefusalCounterGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly metrics: IngestMetrics,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const source = this.reflector.get<SourceId | undefined>(INGEST_SOURCE_KEY, context.getHandler());
    if (!source) return true;
    const response = context.switchToHttp().getResponse<Response>();
    response.once('finish', () => {
      if (response.statusCode >= 400) this.metrics.requestRefused(source, response.statusCode);
    });
    return true;
  }
}
