import { Controller, Get, Inject, Post, Query, Req, Res, UseGuards } from '@nestjs/common';
import { AccessTokenVerifier, InvalidAccessToken } from '@tenure/auth';
import type { Request, Response } from 'express';
import { ENVIRONMENT } from '@tenure/config';
import type { ConsoleEnvironment } from '../console.environment';
import { SessionStore } from '../session/session.store';
import { clearCookie, cookieOf, cookieOptions, SESSION_COOKIE, SIGN_IN_COOKIE } from '../session/session-cookie';
import { ConsoleOidcClient } from './console-oidc.client';
import { safeReturnTo } from './return-to';
import { CsrfGuard } from './csrf.guard';
import { SignedInSession, CurrentSession } from './session.guard';
import type { ConsoleSession } from '../session/session.store';

const SIGN_IN_TTL_MS = 10 * 60_000;


@Controller()
export class AuthController {
  constructor(
    @Inject(ENVIRONMENT) private readonly env: ConsoleEnvironment,
    private readonly oidc: ConsoleOidcClient,
    private readonly sessions: SessionStore,
    private readonly verifier: AccessTokenVerifier,
  ) {}

  @Get('auth/login')
  async login(@Query('returnTo') returnTo: unknown, @Res() response: Response): Promise<void> {
    const request = await this.oidc.signInRequest();
    const id = this.sessions.startSignIn({
      codeVerifier: request.codeVerifier,
      state: request.state,
      nonce: request.nonce,
      returnTo: safeReturnTo(returnTo),
    });
    response.cookie(SIGN_IN_COOKIE, id, cookieOptions(this.env.TENURE_CONSOLE_URL, SIGN_IN_TTL_MS));
    response.redirect(302, request.url);
  }

  @Get('auth/callback')
  async callback(@Req() request: Request, @Res() response: Response): Promise<void> {
    const pending = this.sessions.takeSignIn(cookieOf(request, SIGN_IN_COOKIE));
    clearCookie(response, SIGN_IN_COOKIE, this.env.TENURE_CONSOLE_URL);
    if (!pending) {
      response.status(400).type('text/plain').send('This sign-in has expired or was already used. Open the console again.');
      return;
    }
    try {
      const tokens = await this.oidc.finishSignIn(`${this.oidc.redirectUri}${request.url.slice(request.path.length)}`, pending);
      const person = await this.verifier.verify(tokens.accessToken);
      const { id } = this.sessions.create({ ...tokens, person });
      response.cookie(SESSION_COOKIE, id, cookieOptions(this.env.TENURE_CONSOLE_URL, tokens.expiresAt - Date.now()));
      response.redirect(302, pending.returnTo);
    } catch (error) {
      // The reason is the provider's or the token's, never a secret.
      const reason = error instanceof InvalidAccessToken ? 'the access token was refused' : (error as Error).message;
      response.status(401).type('text/plain').send(`Sign-in failed: ${reason}`);
    }
  }

  @Post('auth/logout')
  @UseGuards(CsrfGuard)
  async logout(@Req() request: Request, @Res() response: Response): Promise<void> {
    const session = this.sessions.destroy(cookieOf(request, SESSION_COOKIE));
    clearCookie(response, SESSION_COOKIE, this.env.TENURE_CONSOLE_URL);
    const url = session ? await this.oidc.signOutUrl(session.idToken).catch(() => undefined) : undefined;
    response.json({ signedOut: true, ...(url ? { providerSignOutUrl: url } : {}) });
  }

  /** Who is signed in and what they may do; the web app shows only the actions these roles allow. */
  @Get('api/me')
  @UseGuards(SignedInSession)
  me(@CurrentSession() session: ConsoleSession) {
    const { person } = session;
    return {
      subject: person.subject,
      employeeId: person.employeeId ?? null,
      name: session.name ?? person.subject,
      email: session.email ?? null,
      roles: person.roles,
      csrfToken: session.csrf,
      expiresAt: new Date(session.expiresAt).toISOString(),
    };
  }
}
