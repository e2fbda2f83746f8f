import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { bearerTokenOf, constantTimeEquals } from '@tenure/auth';
import { ENVIRONMENT } from '@tenure/config';
import { activeSecrets, IngestEnvironment } from '../ingest.environment';
import { ScimException } from './scim-error';

/** SCIM clients (Entra's provisioning agent, scripts) present TENURE_SCIM_TOKEN, or the previous one while it rotates. */
@Injectable()
export class ScimTokenGuard implements CanActivate {
  private readonly tokens: string[];

  constructor(@Inject(ENVIRONMENT) env: IngestEnvironment) {
    this.tokens = activeSecrets(env.TENURE_SCIM_TOKEN, env.TENURE_SCIM_TOKEN_PREVIOUS);
  }

  canActivate(context: ExecutionContext): boolean {
    const token = bearerTokenOf(context.switchToHttp().getRequest<Request>());
    if (!token || !this.tokens.some((expected) => constantTimeEquals(token, expected))) {
      throw new ScimException(401, 'a valid bearer token is required');
    }
    return true;
  }
}
