import { CanActivate, Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import type { ExecutionContext } from '@nestjs/common';
import { bearerTokenOf, constantTimeEquals } from '@tenure/auth';
import type { Request } from 'express';

export const METRICS_TOKENS = Symbol('METRICS_TOKENS');

/** `/metrics` takes the scrape credential (TENURE_METRICS_TOKEN) or a token the service names; without one it answers 401. */
@Injectable()
export class MetricsTokenGuard implements CanActivate {
  constructor(@Inject(METRICS_TOKENS) private readonly tokens: readonly string[]) {}

  canActivate(context: ExecutionContext): boolean {
    const token = bearerTokenOf(context.switchToHttp().getRequest<Request>());
    if (token && this.tokens.some((expected) => constantTimeEquals(token, expected))) return true;
    throw new UnauthorizedException({ error: 'unauthorized', message: 'a valid bearer token is required' });
  }
}
