import type { CookieOptions, Request, Response } from 'express';

export const SESSION_COOKIE = 'tenure_session';
export const SIGN_IN_COOKIE = 'tenure_sign_in';
export const CSRF_HEADER = 'x-tenure-csrf';

/** HttpOnly so scripts never read it, SameSite=Lax so other sites' requests never carry it into a change. */
export function cookieOptions(consoleUrl: string, maxAgeMs: number): CookieOptions {
  return {
    httpOnly: true,
    sameSite: 'lax',
    secure: consoleUrl.startsWith('https://'),
    path: '/',
    maxAge: maxAgeMs,
  };
}

export function cookieOf(request: Request, name: string): string | undefined {
  const cookies = (request as Request & { cookies?: Record<string, unknown> }).cookies;
  const value = cookies?.[name];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

export function clearCookie(response: Response, name: string, consoleUrl: string): void {
  const { maxAge: _maxAge, ...options } = cookieOptions(consoleUrl, 0);
  response.clearCookie(name, options);
}
