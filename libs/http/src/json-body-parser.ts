import { HttpStatus } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { json, NextFunction, Request, Response } from 'express';

interface BodyParserError {
  type?: string;
}

/** body-parser failures, mapped to statuses a client can act on and messages that leak nothing. */
const BODY_PARSER_ERRORS: Record<string, { status: number; message: string }> = {
  'entity.parse.failed': { status: HttpStatus.BAD_REQUEST, message: 'body is not valid JSON' },
  'entity.too.large': { status: HttpStatus.PAYLOAD_TOO_LARGE, message: 'body is too large' },
  'entity.verify.failed': { status: HttpStatus.BAD_REQUEST, message: 'body could not be read' },
  'request.size.invalid': { status: HttpStatus.BAD_REQUEST, message: 'body length does not match Content-Length' },
  'charset.unsupported': { status: HttpStatus.UNSUPPORTED_MEDIA_TYPE, message: 'unsupported charset' },
  'encoding.unsupported': { status: HttpStatus.UNSUPPORTED_MEDIA_TYPE, message: 'unsupported content encoding' },
  'request.aborted': { status: HttpStatus.BAD_REQUEST, message: 'request aborted' },
};

export interface JsonBodyOptions {
  limit: string;
  /** Keep the exact bytes as `req.rawBody`, for signature checks. */
  keepRawBody: boolean;
}

/**
 * JSON bodies with Tenure's error shape: a body that cannot be parsed gets
 * `4xx {"errors": [{"field": "", "message"}]}` like any other invalid input.
 */
export function installJsonBodyParser(app: NestExpressApplication, options: JsonBodyOptions): void {
  app.use(
    json({
      limit: options.limit,
      verify: options.keepRawBody
        ? (request: Request & { rawBody?: Buffer }, _response: Response, buffer: Buffer) => {
            request.rawBody = buffer;
          }
        : undefined,
    }),
  );
  app.use((error: unknown, _request: Request, response: Response, next: NextFunction) => {
    const known = BODY_PARSER_ERRORS[(error as BodyParserError)?.type ?? ''];
    if (!known) return next(error);
    response.status(known.status).json({ errors: [{ field: '', message: known.message }] });
  });
}
