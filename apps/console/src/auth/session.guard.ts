import { CanActivate, createParamDecorator, ExecutionContext, Injectable, UnauthorizedException } from '@nestjs/common';
import type { Request } from 'express';
import { ConsoleSession, SessionStore } from '../session/session.store';
import { cookieOf, SESSION_COOKIE } from '../session/session-cookie';

type SessionRequest = Request & { consoleSession?: ConsoleSession };

/** The console's routes need a signed-in session; without one the web app sends the person to sign in. */
@Injectable()
export class SignedInSession implements CanActivate {
  constructor(private readonly sessions: SessionStore) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<SessionRequest>();
    const session = this.sessions.get(cookieOf(request, SESSION_COOKIE));
    if (!session) throw new UnauthorizedException({ error: 'not_signed_in', message: 'sign in at /auth/login' });
    request.consoleSession = session;
    return true;
  }
}

export const CurrentSession = createParamDecorator(
  (_data: unknown, context: ExecutionContext) => context.switchToHttp().getRequest<SessionRequest>().consoleSession,
);
