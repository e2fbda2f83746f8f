import { applyDecorators, CanActivate, SetMetadata, Type, UseGuards } from '@nestjs/common';
import { ApiSecurity } from '@nestjs/swagger';
import { Public } from '@tenure/auth';
import { SOURCE_SECURITY } from '../ingest.openapi';
import type { SourceId } from '../sources/hr-sources.config';
import { RefusalCounterGuard } from '../metrics/refusal-counter.guard';
import { ClientRateLimitGuard } from './client-rate-limit.guard';
import { RequireContentType } from './require-content-type.guard';
import { INGEST_SOURCE_KEY } from './ingest-source.key';
import { SourceRateLimitGuard } from './source-rate-limit.guard';

/**
 * An HR source's endpoint, its refusals counted (metrics), checked in this order: the client address's
 * pre-authentication limit (429), the content type (415), the source's own
 * authentication (signature or token: 401), then the source's rate limit
 * (429), before the body is validated: only authenticated requests count
 * against a source's quota. The service-wide bearer guard steps aside for it.
 */
export const IngestEndpoint = (
  source: SourceId,
  authentication: Type<CanActivate>,
  ...contentTypes: string[]
): MethodDecorator & ClassDecorator =>
  applyDecorators(
    Public(),
    SetMetadata(INGEST_SOURCE_KEY, source),
    ApiSecurity(SOURCE_SECURITY[source]),
    UseGuards(
      RefusalCounterGuard,
      ClientRateLimitGuard,
      RequireContentType(...contentTypes),
      authentication,
      SourceRateLimitGuard,
    ),
  );
