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
  requestsPerSecond = 10;

  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(10_000)
  burst = 10;

  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1000)
  maxConcurrent = 4;

  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(300)
  maxRetryAfterWaitSeconds = 2;
}
