import { IsInt, IsNumber, IsOptional, Max, Min } from 'class-validator';

/** After `failureThreshold` failures in a row the app's calls fail fast for `openSeconds`, then one probes. */
export class CircuitBreakerConfig {
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1000)
  failureThreshold = 5;

  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(3600)
  openSeconds = 30;
}

/**
 * The defaults suit an app that takes a few thousand requests a minute (a
 * leaver's accounts must go within seconds even when a dozen people leave at
 * once); set lower values for an app that publishes lower limits.
 * A token bucket per app: `burst` requests at once, refilled at
 * `requestsPerSecond`, at most `maxConcurrent` in flight. A `429` whose
 * Retry-After is at most `maxRetryAfterWaitSeconds` is waited out and retried;
 * a longer one goes back to the caller as RATE_LIMITED.
 */
export class RateLimitConfig {
  @IsOptional()
  @IsNumber()
  @Min(0.1)
  @Max(10_000)
  requestsPerSecond = 50;

  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(10_000)
  burst = 50;

  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1000)
  maxConcurrent = 10;

  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(300)
  maxRetryAfterWaitSeconds = 2;
}
