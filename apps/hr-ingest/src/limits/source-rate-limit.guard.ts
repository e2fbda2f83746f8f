import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { RateLimiterMemory } from 'rate-limiter-flexible';
import { HR_SOURCES, HrSourcesConfig, SOURCE_IDS, SourceId } from '../sources/hr-sources.config';
import { INGEST_SOURCE_KEY } from './ingest-source.key';
import { consumeOrRefuse } from './rate-limit-refusal';

/**
 * Requests per source and time window, from config/hr-sources.yaml. It runs
 * after authentication, so only the source's own requests use its quota: a
 * flood of unsigned requests can never get real webhooks refused. The count
 * is per replica.
 */
@Injectable()
export class SourceRateLimitGuard implements CanActivate {
  private readonly limiters = new Map<SourceId, RateLimiterMemory>();

  constructor(
    private readonly reflector: Reflector,
    @Inject(HR_SOURCES) sources: HrSourcesConfig,
  ) {
    for (const source of SOURCE_IDS) {
      const limit = sources.sources[source]?.rateLimit;
      if (limit) {
        this.limiters.set(source, new RateLimiterMemory({ points: limit.requests, duration: limit.perSeconds }));
      }
    }
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const source = this.reflector.get<SourceId | undefined>(INGEST_SOURCE_KEY, context.getHandler());
    const limiter = source ? this.limiters.get(source) : undefined;
    if (!source || !limiter) return true;
    return consumeOrRefuse(limiter, source, context, source);
  }
}
