import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import { HttpErrorFilter } from './http-error.filter';
import { installJsonBodyParser } from './json-body-parser';
import { OpenApiOptions, serveOpenApi } from './openapi/serve-openapi';
import { createValidationPipe } from './validation.pipe';

export interface HttpServiceOptions {
  /** Keep the raw request body (for signature checks). */
  rawBody?: boolean;
  bodyLimit?: string;
  /** Serve the API's OpenAPI 3.1 document at /openapi.json and its docs at /docs. */
  openApi?: OpenApiOptions;
}

/** Creates a service's HTTP app with Tenure's logger, validation and error shape. */
export async function createHttpApp(
  module: Parameters<typeof NestFactory.create>[0],
  options: HttpServiceOptions = {},
): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(module, { bufferLogs: true, bodyParser: false });
  app.useLogger(app.get(Logger));
  installJsonBodyParser(app, { limit: options.bodyLimit ?? '256kb', keepRawBody: options.rawBody ?? false });
  app.useGlobalFilters(new HttpErrorFilter());
  app.useGlobalPipes(createValidationPipe());
  app.enableShutdownHooks();
  if (options.openApi) serveOpenApi(app, options.openApi);
  return app;
}

/** Start-up failures (bad environment, bad config) print one clear line and exit non-zero. */
export function runService(name: string, start: () => Promise<void>): void {
  start().catch((error: unknown) => {
    const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    process.stderr.write(`${name} failed to start: ${message}\n`);
    process.exit(1);
  });
}
