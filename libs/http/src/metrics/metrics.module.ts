import { DynamicModule, MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { SERVICE_METRICS, ServiceMetrics } from '@tenure/observability';
import { HttpMetricsMiddleware } from './http-metrics.middleware';
import { MetricsController } from './metrics.controller';
import { METRICS_TOKENS, MetricsTokenGuard } from './metrics-token.guard';

export interface MetricsOptions {
  service: string;
  /** Tokens `/metrics` accepts: the scrape credential and, where a service has one, its own API token. */
  tokens: (string | undefined)[];
  /** A registry built beforehand to serve with the service's; a fresh one otherwise. */
  metrics?: ServiceMetrics;
}

/** `GET /metrics` and request metrics for every route; SERVICE_METRICS is injectable everywhere in the service. */
@Module({})
export class MetricsModule implements NestModule {
  static forService(options: MetricsOptions): DynamicModule {
    const tokens = options.tokens.filter((token): token is string => typeof token === 'string' && token.length > 0);
    return {
      module: MetricsModule,
      global: true,
      controllers: [MetricsController],
      providers: [
        { provide: SERVICE_METRICS, useValue: options.metrics ?? new ServiceMetrics(options.service) },
        { provide: METRICS_TOKENS, useValue: tokens },
        MetricsTokenGuard,
        HttpMetricsMiddleware,
      ],
      exports: [SERVICE_METRICS],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(HttpMetricsMiddleware).forRoutes('{*path}');
  }
}
