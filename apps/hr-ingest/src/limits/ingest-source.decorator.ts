import { applyDecorators, SetMetadata, UseGuards } from '@nestjs/common';
import { Public } from '@tenure/auth';
import type { SourceId } from '../sources/hr-sources.config';
import { RequireContentType } from './require-content-type.guard';
import { INGEST_SOURCE_KEY } from './ingest-source.key';
import { SourceRateLimitGuard } from './source-rate-limit.guard';

/**
 * An HR source's endpoint: rate-limited per source (429) and refusing other
 * content types (415) before anything else looks at the request. Each source
 * authenticates with its own guard (signature or token), so the service-wide
 * bearer guard steps aside.
 */
export const IngestEndpoint = (source: SourceId, ...contentTypes: string[]): MethodDecorator & ClassDecorator =>
  applyDecorators(
    Public(),
    SetMetadata(INGEST_SOURCE_KEY, source),
    UseGuards(SourceRateLimitGuard, RequireContentType(...contentTypes)),
  );
