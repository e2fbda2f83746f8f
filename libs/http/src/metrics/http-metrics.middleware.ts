import { Inject, Injectable, NestMiddleware } from '@nestjs/common';
import { SERVICE_METRICS, ServiceMetrics, UNMATCHED_ROUTE } from '@tenure/observability';
import type { NextFunction, Request, Response } from 'express';

/**
 * Times every request and counts it by route template (`/v1/employees/:employeeId`,
 * never the path itself) once the response is sent, refusals by guards included.
 */
@Injectable()
export class HttpMetricsMiddleware implements NestMiddleware {
  constructor(@Inject(SERVICE_METRICS) private readonly metrics: ServiceMetrics) {}

  use(request: Request, response: Response, next: NextFunction): void {
    const started = process.hrtime.bigint();
    response.once('finish', () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      this.metrics.requestDone(request.method, routeOf(request), response.statusCode, seconds);
    });
    next();
  }
}

function routeOf(request: Request): string {
  const path: unknown = request.route?.path;
  return typeof path === 'string' ? path : UNMATCHED_ROUTE;
}
