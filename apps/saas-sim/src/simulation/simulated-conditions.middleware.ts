import type { Request, RequestHandler } from 'express';
import { scimErrorBody } from '../scim/scim-error.body';

export interface SimulatedConditions {
  latencyMs: { min: number; max: number };
  faults: { rateLimitedRatio: number; unavailableRatio: number; retryAfterSeconds: number };
}

export type RandomSource = () => number;

export function delayFor({ min, max }: SimulatedConditions['latencyMs'], random: RandomSource): number {
  return min + Math.floor(random() * (max - min + 1));
}

/**
 * Makes a simulated app behave like one across the internet: every request
 * waits a random time within the app's latency range, and a configured share
 * is refused with 429 (and Retry-After) or 503 so that callers' retries are exercised.
 */
export function simulatedConditions(
  conditionsOf: (request: Request) => SimulatedConditions | undefined,
  random: RandomSource = Math.random,
): RequestHandler {
  return (request, response, next) => {
    const conditions = conditionsOf(request);
    if (!conditions) {
      next();
      return;
    }
    const { latencyMs, faults } = conditions;
    setTimeout(
      () => {
        if (random() < faults.rateLimitedRatio) {
          response
            .status(429)
            .set('Retry-After', String(faults.retryAfterSeconds))
            .type('application/scim+json')
            .json(scimErrorBody(429, 'Too many requests; retry later'));
          return;
        }
        if (random() < faults.unavailableRatio) {
          response
            .status(503)
            .type('application/scim+json')
            .json(scimErrorBody(503, 'Service temporarily unavailable'));
          return;
        }
        next();
      },
      delayFor(latencyMs, random),
    );
  };
}
