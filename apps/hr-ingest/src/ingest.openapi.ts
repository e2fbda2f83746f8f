import { ApiAcceptedResponse, ApiOkResponse } from '@nestjs/swagger';
import { applyDecorators } from '@nestjs/common';
import type { OpenApiOptions } from '@tenure/http';
import type { SourceId } from './sources/hr-sources.config';

/** How each HR source authenticates, as OpenAPI security requirements (both headers of a signature together). */
export const SOURCE_SECURITY: Record<SourceId, Record<string, string[]>> = {
  generic: { webhookSignature: [], webhookTimestamp: [] },
  bamboohr: { bamboohrSignature: [], bamboohrTimestamp: [] },
  scim: { scimToken: [] },
  csv: { importToken: [] },
};

const header = (name: string, description: string) => ({ type: 'apiKey' as const, in: 'header', name, description });

export const INGEST_OPENAPI: OpenApiOptions = {
  title: 'Tenure hr-ingest',
  description:
    'Receives lifecycle events from HR systems: signed webhooks (generic, BambooHR), SCIM 2.0 and CSV imports. ' +
    'Accepted events are stored before the answer and published to Kafka in order.',
  securitySchemes: {
    webhookSignature: header(
      'X-Tenure-Signature',
      'v1=<hex HMAC-SHA256(TENURE_WEBHOOK_SECRET_GENERIC, "<X-Tenure-Timestamp>.<raw body>")>',
    ),
    webhookTimestamp: header('X-Tenure-Timestamp', 'Unix seconds; more than 300 s from now is refused.'),
    bamboohrSignature: header(
      'X-BambooHR-Signature',
      'hex HMAC-SHA256(TENURE_WEBHOOK_SECRET_BAMBOOHR, "<raw body><X-BambooHR-Timestamp>")',
    ),
    bamboohrTimestamp: header('X-BambooHR-Timestamp', 'Unix seconds; more than 300 s from now is refused.'),
    scimToken: { type: 'http', scheme: 'bearer', description: 'TENURE_SCIM_TOKEN' },
    importToken: { type: 'http', scheme: 'bearer', description: 'TENURE_IMPORT_TOKEN' },
  },
  extraResponses: {
    '413': 'The body is larger than limits.maxBodyBytes.',
    '415': 'The content type is not one this source accepts.',
    '429': 'Too many requests from this address, or for this source.',
  },
};

/**
 * The duplicate answer of a source endpoint, for the document: 202 for a new
 * event is the route's @HttpCode (written on the method, where the OpenAPI
 * build plugin reads it); the handler answers 200 when it saw everything before.
 */
export const DocumentDuplicateAnswer = (type: new () => object) =>
  applyDecorators(
    ApiAcceptedResponse({ type, description: 'At least one event of the request is new: stored, to be published.' }),
    ApiOkResponse({ type, description: 'Every event of the request was seen before: nothing happens twice.' }),
  );
