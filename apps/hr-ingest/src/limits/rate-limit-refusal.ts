import { ExecutionContext, HttpException, HttpStatus } from '@nestjs/common';
import type { Response } from 'express';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';

/** Counts one request against `key`; beyond the limit, 429 with Retry-After, which HR systems honour. */
export async function consumeOrRefuse(
  limiter: RateLimiterMemory,
  key: string,
  context: ExecutionContext,
  whose: string,
): Promise<true> {
  try {
    await limiter.consume(key);
    return true;
  } catch (rejection) {
    if (!(rejection instanceof RateLimiterRes)) throw rejection;
    const retryAfter = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
    context.switchToHttp().getResponse<Response>().setHeader('Retry-After', String(retryAfter));
    throw new HttpException(
      { error: 'rate_limited', message: `too many requests from ${whose}; retry in ${retryAfter} s` },
      HttpStatus.TOO_MANY_REQUESTS,
    );
  }
}
