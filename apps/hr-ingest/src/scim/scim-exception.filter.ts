import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { scimErrorBody } from './scim-error';
import { SCIM_CONTENT_TYPES } from './scim-schemas';

interface NestErrorBody {
  message?: unknown;
  errors?: { field: string; message: string }[];
}

function detailOf(body: unknown, fallback: string): string {
  if (typeof body === 'string') return body;
  const { errors, message } = (body ?? {}) as NestErrorBody;
  if (Array.isArray(errors) && errors.length > 0) return errors.map((e) => e.message).join('; ');
  return typeof message === 'string' ? message : fallback;
}

/** Every answer of /scim/v2 that is an error is a SCIM error message (RFC 7644 §3.12). */
@Catch()
export class ScimExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger(ScimExceptionFilter.name);

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    response.setHeader('Content-Type', `${SCIM_CONTENT_TYPES[0]}; charset=utf-8`);
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const body = exception.getResponse();
      const isScim = typeof body === 'object' && body !== null && 'schemas' in body;
      const retryAfter = (body as { retryAfterSeconds?: number }).retryAfterSeconds;
      if (retryAfter) response.setHeader('Retry-After', String(retryAfter));
      response
        .status(status)
        .send(JSON.stringify(isScim ? body : scimErrorBody(status, detailOf(body, exception.message))));
      return;
    }
    this.logger.error({ err: exception }, 'unhandled error');
    const status = HttpStatus.INTERNAL_SERVER_ERROR;
    response.status(status).send(JSON.stringify(scimErrorBody(status, 'internal error')));
  }
}
