import { CanActivate, ExecutionContext, Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import type { RawBodyRequest } from '@nestjs/common';
import type { Request } from 'express';
import { ENVIRONMENT } from '@tenure/config';
import { activeSecrets, IngestEnvironment } from '../ingest.environment';
import { checkSignature } from './webhook-signature';

const REASONS = {
  missing: 'X-Tenure-Timestamp and X-Tenure-Signature headers are required',
  malformed: 'X-Tenure-Signature must be v1=<hex> and X-Tenure-Timestamp unix seconds',
  stale: 'X-Tenure-Timestamp is more than 300 seconds from now',
  mismatch: 'signature does not match',
} as const;

/**
 * Runs before the body is validated: nothing unsigned is even looked at.
 * The current and the previous secret both sign valid requests, so a secret
 * is rotated without refusing a single webhook.
 */
@Injectable()
export class GenericWebhookSignatureGuard implements CanActivate {
  private readonly secrets: string[];

  constructor(@Inject(ENVIRONMENT) env: IngestEnvironment) {
    this.secrets = activeSecrets(env.TENURE_WEBHOOK_SECRET_GENERIC, env.TENURE_WEBHOOK_SECRET_GENERIC_PREVIOUS);
  }

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<RawBodyRequest<Request>>();
    const result = checkSignature(
      {
        timestamp: request.header('x-tenure-timestamp'),
        signature: request.header('x-tenure-signature'),
        rawBody: request.rawBody,
      },
      this.secrets,
      Math.floor(Date.now() / 1000),
    );
    if (result !== 'valid') throw new UnauthorizedException({ error: 'unauthorized', message: REASONS[result] });
    return true;
  }
}
