import type { Request, RequestHandler } from 'express';
import { scimErrorBody } from '../scim/scim-error.body';
import { LiveConditions, RandomSource } from './live-conditions';

export type { RandomSource } from './live-conditions';

/** A request left hanging is ended after this long at the latest, so a forgotten fault cannot leak sockets forever. */
const HANG_LIMIT_MS = 5 * 60_000;

/**
 * Makes a simulated app behave like one across the internet: every request
 * waits a random time within the app's latency range, and, as its live
 * conditions say, is refused with 429 (and Retry-After) or 503, refused during
 * an outage, or never answered, so that callers' retries are exercised.
 */
export function simulatedConditions(
  conditionsOf: (request: Request) => LiveConditions | undefined,
  random: RandomSource = Math.random,
): RequestHandler {
  return (request, response, next) => {
    const conditions = conditionsOf(request);
    if (!conditions) {
      next();
      return;
    }
    const verdict = conditions.decide(random, request.method !== 'GET');
    if (verdict.kind === 'hang') {
      const timer = setTimeout(() => {
        if (!response.headersSent) response.status(504).json(scimErrorBody(504, 'The app never answered'));
      }, HANG_LIMIT_MS);
      response.on('close', () => clearTimeout(timer));
      return;
    }
    if (verdict.kind === 'serve' && verdict.loseAnswer) {
      // The request is carried out, but its answer never leaves: the socket stays open until the caller gives up.
      response.end = (() => response) as typeof response.end;
      const timer = setTimeout(() => request.socket.destroy(), HANG_LIMIT_MS);
      response.on('close', () => clearTimeout(timer));
    }
    setTimeout(() => {
      if (verdict.kind === 'rate_limited') {
        response
          .status(429)
          .set('Retry-After', String(verdict.retryAfterSeconds))
          .type('application/scim+json')
          .json(scimErrorBody(429, 'Too many requests; retry later'));
        return;
      }
      if (verdict.kind === 'unavailable') {
        if (verdict.retryAfterSeconds !== undefined) response.set('Retry-After', String(verdict.retryAfterSeconds));
        response.status(503).type('application/scim+json').json(scimErrorBody(503, 'Service temporarily unavailable'));
        return;
      }
      next();
    }, verdict.delayMs);
  };
}
