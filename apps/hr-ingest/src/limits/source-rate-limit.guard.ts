import { CanActivate, ExecutionContext, HttpException, HttpStatus, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Response } from 'express';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { HR_SOURCES, HrSourcesConfig, SOURCE_IDS, SourceId } from '../sources/hr-sources.config';
import { INGEST_SOURCE_KEY } from './ingest-source.key';

/**
 * Requests per source and time window, from config/hr-sources.yaml. Beyond
 * the limit: 429 with Retry-After, which HR systems honour by retrying later.
 * The count is per replica.
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
    if (!limiter) return true;
    try {
      await limiter.consume(source as string);
      return true;
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      const retryAfter = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
      context.switchToHttp().getResponse<Response>().setHeader('Retry-After', String(retryAfter));
      throw new HttpException(
        { error: 'rate_limited', message: `too many requests from ${source}; retry in ${retryAfter} s` },
        HttpStatus.TOO_MANY_REQUESTS,
      );
    }
  }
}
