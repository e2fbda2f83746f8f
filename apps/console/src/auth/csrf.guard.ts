import { CanActivate, ExecutionContext, ForbiddenException, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { timingSafeEqual } from 'node:crypto';
import { SessionStore } from '../session/session.store';
import { cookieOf, CSRF_HEADER, SESSION_COOKIE } from '../session/session-cookie';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * State-changing calls carry the session's CSRF token in a custom header: a
 * form or image on another site can neither set the header nor read the token,
 * on top of the SameSite session cookie.
 */
@Injectable()
export class CsrfGuard implements CanActivate {
  constructor(private readonly sessions: SessionStore) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<Request>();
    if (SAFE_METHODS.has(request.method)) return true;
    const session = this.sessions.get(cookieOf(request, SESSION_COOKIE));
    if (!session) return true; // nothing to protect; the route's own guard answers 401
    const given = request.header(CSRF_HEADER) ?? '';
    const expected = session.csrf;
    const same = given.length === expected.length && timingSafeEqual(Buffer.from(given), Buffer.from(expected));
    if (!same) throw new ForbiddenException({ error: 'csrf', message: `missing or wrong ${CSRF_HEADER} header` });
    return true;
  }
}
