import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SecuritySchemeObject, SwaggerModule } from '@nestjs/swagger';
import { API_SECURITY } from '@tenure/auth';
import { toOpenApi31 } from './openapi-3-1';
import { addStandardResponses } from './standard-responses';

export const OPENAPI_JSON_PATH = '/openapi.json';
export const OPENAPI_DOCS_PATH = '/docs';

export interface OpenApiOptions {
  title: string;
  description: string;
  /** Schemes this service adds to the shared ones (webhook signatures, source tokens). */
  securitySchemes?: Record<string, SecuritySchemeObject>;
  /** Security of routes whose decorators name none: a service whose every route needs its one token. */
  defaultSecurity?: Array<Record<string, string[]>>;
  /** What a 409 means on a change to something named in the path (a run already decided, ...). */
  stateConflict?: string;
  /** Responses any authenticated route of the service can give, by status (e.g. 429 from a rate limit). */
  extraResponses?: Record<string, string>;
}

const SHARED_SCHEMES: Record<string, SecuritySchemeObject> = {
  [API_SECURITY.person]: {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'JWT',
    description:
      "A person's access token from the OpenID Connect provider (RFC 9068 JWT for TENURE_OIDC_AUDIENCE); roles come from its groups claim.",
  },
  [API_SECURITY.service]: {
    type: 'http',
    scheme: 'bearer',
    description: "A scoped service credential (the service's TENURE_*_TOKEN); never acts as a person.",
  },
  [API_SECURITY.metrics]: {
    type: 'http',
    scheme: 'bearer',
    description: "The scrape credential TENURE_METRICS_TOKEN, or the service's own token.",
  },
};

/** The service's OpenAPI 3.1 document, built from its controllers and DTOs (the @nestjs/swagger build plugin). */
export function buildOpenApiDocument(app: INestApplication, options: OpenApiOptions): OpenAPIObject {
  const builder = new DocumentBuilder()
    .setOpenAPIVersion('3.1.0')
    .setTitle(options.title)
    .setDescription(options.description)
    .setVersion(process.env.npm_package_version ?? '0.1.0');
  for (const [name, scheme] of Object.entries({ ...SHARED_SCHEMES, ...options.securitySchemes })) {
    builder.addSecurity(name, scheme);
  }
  const document = SwaggerModule.createDocument(app, builder.build());
  addStandardResponses(document, {
    defaultSecurity: options.defaultSecurity,
    providerCheckedSchemes: [API_SECURITY.person],
    extraResponses: options.extraResponses,
    stateConflict: options.stateConflict,
  });
  return toOpenApi31(document);
}

/**
 * Serves the document at /openapi.json and interactive docs at /docs, both
 * without a token: the document describes the API, it grants nothing.
 */
export function serveOpenApi(app: INestApplication, options: OpenApiOptions): void {
  const document = buildOpenApiDocument(app, options);
  SwaggerModule.setup(OPENAPI_DOCS_PATH, app, document, {
    jsonDocumentUrl: OPENAPI_JSON_PATH,
    raw: ['json'],
    customSiteTitle: options.title,
  });
}
