import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { RateLimiterMemory } from 'rate-limiter-flexible';
import { HR_SOURCES, HrSourcesConfig } from '../sources/hr-sources.config';
import { consumeOrRefuse } from './rate-limit-refusal';

/**
 * Before authentication: requests per client address (limits.perClient),
 * generous, so that a flood from one address is turned away before its
 * signature is checked. It never touches a source's own quota.
 */
@Injectable()
export class ClientRateLimitGuard implements CanActivate {
  private readonly limiter: RateLimiterMemory;

  constructor(@Inject(HR_SOURCES) sources: HrSourcesConfig) {
    const { requests, perSeconds } = sources.limits.perClient;
    this.limiter = new RateLimiterMemory({ points: requests, duration: perSeconds });
  }

  canActivate(context: ExecutionContext): Promise<boolean> {
    const address = context.switchToHttp().getRequest<Request>().socket.remoteAddress ?? 'unknown';
    return consumeOrRefuse(this.limiter, address, context, address);
  }
}
