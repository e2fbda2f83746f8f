import type { NestExpressApplication } from '@nestjs/platform-express';
import { json, NextFunction, Request, Response } from 'express';
import { scimErrorBody } from './scim-error';
import { SCIM_CONTENT_TYPES } from './scim-schemas';

/** body-parser failures, as SCIM errors a client can act on. */
const FAILURES: Record<string, { status: number; detail: string }> = {
  'entity.parse.failed': { status: 400, detail: 'body is not valid JSON' },
  'entity.too.large': { status: 413, detail: 'body is too large' },
  'request.size.invalid': { status: 400, detail: 'body length does not match Content-Length' },
  'charset.unsupported': { status: 415, detail: 'unsupported charset' },
  'encoding.unsupported': { status: 415, detail: 'unsupported content encoding' },
  'request.aborted': { status: 400, detail: 'request aborted' },
};

/**
 * SCIM clients send `application/scim+json`, which the service-wide JSON
 * parser leaves alone. Parse it here, for /scim only, with SCIM's error shape.
 */
export function installScimBodyParser(app: NestExpressApplication, limitBytes: number): void {
  app.use('/scim', json({ type: SCIM_CONTENT_TYPES[0], limit: limitBytes }));
  app.use('/scim', (error: unknown, _request: Request, response: Response, next: NextFunction) => {
    const failure = FAILURES[(error as { type?: string })?.type ?? ''];
    if (!failure) return next(error);
    response
      .status(failure.status)
      .type(SCIM_CONTENT_TYPES[0])
      .send(
        JSON.stringify(
          scimErrorBody(failure.status, failure.detail, failure.status === 400 ? 'invalidSyntax' : undefined),
        ),
      );
  });
}
