import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';

interface ClientError {
  status?: unknown;
  expose?: unknown;
}

/**
 * Body reading fails in ways no table lists (a body that claims gzip but is
 * not, a stream cut short): when the reader says the fault is the client's
 * (a 4xx it is willing to expose), the client hears that, never a 500.
 */
export function installClientErrorHandler(app: NestExpressApplication): void {
  app.use((error: unknown, _request: Request, response: Response, next: NextFunction) => {
    const { status, expose } = (error ?? {}) as ClientError;
    if (typeof status !== 'number' || status < 400 || status > 499 || expose !== true || response.headersSent) {
      return next(error);
    }
    response.status(status).json({ errors: [{ field: '', message: 'the request body could not be read' }] });
  });
}
