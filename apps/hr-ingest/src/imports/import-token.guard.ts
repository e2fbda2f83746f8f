import { CanActivate, ExecutionContext, Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import type { Request } from 'express';
import { bearerTokenOf, constantTimeEquals } from '@tenure/auth';
import { ENVIRONMENT } from '@tenure/config';
import type { IngestEnvironment } from '../ingest.environment';

/** CSV imports are an operator's act: they present TENURE_IMPORT_TOKEN. */
@Injectable()
export class ImportTokenGuard implements CanActivate {
  constructor(@Inject(ENVIRONMENT) private readonly env: IngestEnvironment) {}

  canActivate(context: ExecutionContext): boolean {
    const token = bearerTokenOf(context.switchToHttp().getRequest<Request>());
    const expected = this.env.TENURE_IMPORT_TOKEN;
    if (!token || !expected || !constantTimeEquals(token, expected)) {
      throw new UnauthorizedException({ error: 'unauthorized', message: 'a valid bearer token is required' });
    }
    return true;
  }
}
