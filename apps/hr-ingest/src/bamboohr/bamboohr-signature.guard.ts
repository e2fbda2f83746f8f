import { CanActivate, ExecutionContext, Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import type { RawBodyRequest } from '@nestjs/common';
import type { Request } from 'express';
import { ENVIRONMENT } from '@tenure/config';
import { activeSecrets, IngestEnvironment } from '../ingest.environment';
import { checkBambooSignature } from './bamboohr-signature';

const REASONS = {
  missing: 'X-BambooHR-Timestamp and X-BambooHR-Signature headers are required',
  malformed: 'X-BambooHR-Signature must be hex HMAC-SHA256 and X-BambooHR-Timestamp a time',
  stale: 'X-BambooHR-Timestamp is more than 300 seconds from now',
  mismatch: 'signature does not match',
} as const;

/** BambooHR webhooks prove themselves with the private key shown in BambooHR's webhook settings. */
@Injectable()
export class BambooSignatureGuard implements CanActivate {
  private readonly secrets: string[];

  constructor(@Inject(ENVIRONMENT) env: IngestEnvironment) {
    this.secrets = activeSecrets(env.TENURE_WEBHOOK_SECRET_BAMBOOHR, env.TENURE_WEBHOOK_SECRET_BAMBOOHR_PREVIOUS);
  }

  canActivate(context: ExecutionContext): boolean {
    if (this.secrets.length === 0) {
      throw new UnauthorizedException({ error: 'unauthorized', message: 'BambooHR webhooks are not configured' });
    }
    const request = context.switchToHttp().getRequest<RawBodyRequest<Request>>();
    const result = checkBambooSignature(
      {
        timestamp: request.header('x-bamboohr-timestamp'),
        signature: request.header('x-bamboohr-signature'),
        rawBody: request.rawBody,
      },
      this.secrets,
      Math.floor(Date.now() / 1000),
    );
    if (result !== 'valid') throw new UnauthorizedException({ error: 'unauthorized', message: REASONS[result] });
    return true;
  }
}
