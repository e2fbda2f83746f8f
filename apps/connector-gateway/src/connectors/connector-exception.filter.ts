import { ArgumentsHost, Catch, ExceptionFilter, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { CallerGoneError } from '../protection/caller-context';
import { ConnectorException, connectorErrorPolicy } from './connector.exception';

/**
 * Turns an app's refusal into the gateway's error contract:
 * `{"error": {code, message, retryable, retryAfterSeconds?}}`, with Retry-After when the app gave one.
 */
@Catch(ConnectorException)
export class ConnectorExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('Connectors');

  catch(exception: ConnectorException, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request>();
    const response = http.getResponse<Response>();
    const { httpStatus, retryable } = connectorErrorPolicy(exception.code);
    if (exception instanceof CallerGoneError)
      this.logger.log({ appId: request.params.appId, reason: exception.message }, 'request dropped unsent');
    else
      this.logger.warn(
        { appId: request.params.appId, code: exception.code, retryable, reason: exception.message },
        'app operation failed',
      );
    if (exception.retryAfterSeconds !== undefined)
      response.setHeader('Retry-After', String(exception.retryAfterSeconds));
    response.status(httpStatus).json(exception.toBody());
  }
}
