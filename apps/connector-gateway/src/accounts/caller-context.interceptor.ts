import { CallHandler, ExecutionContext, Injectable, NestInterceptor, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Response } from 'express';
import { Observable } from 'rxjs';
import { onBehalfOf, Urgency } from '../protection/caller-context';

const URGENCY = 'tenure:urgency';

/** How urgent an operation's requests to the app are (see Urgency); undecorated operations are provisioning. */
export const Urgent = (urgency: Urgency) => SetMetadata(URGENCY, urgency);

/**
 * Runs each operation on behalf of its caller: with the operation's urgency,
 * and with a signal aborted when the caller's connection closes before the
 * answer was sent, so requests still queued for the app are dropped rather
 * than sent for nobody (the caller's retry sends them again).
 */
@Injectable()
export class CallerContextInterceptor implements NestInterceptor {
  constructor(private readonly reflector: Reflector) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const urgency = this.reflector.get<Urgency | undefined>(URGENCY, context.getHandler()) ?? 'provisioning';
    const response = context.switchToHttp().getResponse<Response>();
    const gone = new AbortController();
    response.once('close', () => {
      if (!response.writableEnded) gone.abort();
    });
    // Nest binds the handler to the async context it is asked for in, so ask inside it.
    return onBehalfOf({ urgency, signal: gone.signal }, () => next.handle());
  }
}
