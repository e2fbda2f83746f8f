import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Response } from 'express';

interface BodyParserError {
  type?: string;
  status?: number;
}

/** body-parser failures, mapped to the statuses a client can act on. */
const BODY_PARSER_ERRORS: Record<string, { status: number; message: string }> = {
  'entity.parse.failed': { status: HttpStatus.BAD_REQUEST, message: 'body is not valid JSON' },
  'entity.too.large': { status: HttpStatus.PAYLOAD_TOO_LARGE, message: 'body is too large' },
  'charset.unsupported': { status: HttpStatus.UNSUPPORTED_MEDIA_TYPE, message: 'unsupported charset' },
  'encoding.unsupported': { status: HttpStatus.UNSUPPORTED_MEDIA_TYPE, message: 'unsupported content encoding' },
  'request.aborted': { status: HttpStatus.BAD_REQUEST, message: 'request aborted' },
};

/**
 * One place that shapes every error response: contract errors pass through,
 * malformed bodies become 4xx with `{"errors": [...]}`, and anything unexpected
 * becomes a bare 500 whose details stay in the log, never in the response.
 */
@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger(HttpErrorFilter.name);

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    if (exception instanceof HttpException) {
      const body = exception.getResponse();
      response.status(exception.getStatus()).json(typeof body === 'string' ? { message: body } : body);
      return;
    }
    const parserError = BODY_PARSER_ERRORS[(exception as BodyParserError)?.type ?? ''];
    if (parserError) {
      response.status(parserError.status).json({ errors: [{ field: '', message: parserError.message }] });
      return;
    }
    this.logger.error({ err: exception }, 'unhandled error');
    response.status(HttpStatus.INTERNAL_SERVER_ERROR).json({ message: 'internal error' });
  }
}
