import { Controller, Get, HttpCode, Inject, Post, Query, Req, Res, ServiceUnavailableException, UseGuards } from '@nestjs/common';
import { ApiFoundResponse, ApiOkResponse, ApiQuery, ApiResponse, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { AccessTokenVerifier, documentPublicRoute, InvalidAccessToken } from '@tenure/auth';
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
import { ERROR_SCHEMA_NAME } from '@tenure/http';
import { SESSION_CHANGE, SESSION_READ } from '../console.openapi';
import { SignedInPerson, SignedOut } from './dto/signed-in-person.dto';

const SIGN_IN_TTL_MS = 10 * 60_000;

const TEXT_ANSWER = { 'text/plain': { schema: { type: 'string' } } };
const REDIRECT = { Location: { description: 'Where the browser goes next.', schema: { type: 'string' } } };

@ApiTags('sign-in')
@Controller()
export class AuthController {
  constructor(
    @Inject(ENVIRONMENT) private readonly env: ConsoleEnvironment,
    private readonly oidc: ConsoleOidcClient,
    private readonly sessions: SessionStore,
    private readonly verifier: AccessTokenVerifier,
  ) {}

  /** Starts a sign-in: a redirect to the provider's sign-in page (authorization code + PKCE). */
  @Get('auth/login')
  @documentPublicRoute()
  @ApiQuery({
    name: 'returnTo',
    required: false,
    schema: { type: 'string' },
    description: "A path of the console to come back to after signing in; anything else is the start page.",
  })
  @ApiFoundResponse({ description: "To the provider's authorization endpoint.", headers: REDIRECT })
  @ApiResponse({
    status: 503,
    description: 'The identity provider cannot be reached.',
    content: { 'application/json': { schema: { $ref: `#/components/schemas/${ERROR_SCHEMA_NAME}` } } },
  })
  async login(@Query('returnTo') returnTo: unknown, @Res() response: Response): Promise<void> {
    const request = await this.oidc.signInRequest().catch(() => {
      throw new ServiceUnavailableException({ error: 'provider_unavailable', message: 'the identity provider cannot be reached; try again' });
    });
    const id = this.sessions.startSignIn({
      codeVerifier: request.codeVerifier,
      state: request.state,
      nonce: request.nonce,
      returnTo: safeReturnTo(returnTo),
    });
    response.cookie(SIGN_IN_COOKIE, id, cookieOptions(this.env.TENURE_CONSOLE_URL, SIGN_IN_TTL_MS));
    response.redirect(302, request.url);
  }

  /** Where the provider sends the browser back: the code becomes a session cookie, then the page it started from. */
  @Get('auth/callback')
  @documentPublicRoute()
  @ApiQuery({ name: 'code', required: false, schema: { type: 'string' } })
  @ApiQuery({ name: 'state', required: false, schema: { type: 'string' } })
  @ApiFoundResponse({ description: 'Signed in: the session cookie is set.', headers: REDIRECT })
  @ApiResponse({ status: 400, description: 'No sign-in of this browser is waiting (expired or already used).', content: TEXT_ANSWER })
  @ApiResponse({ status: 401, description: 'The provider or the access token refused the sign-in.', content: TEXT_ANSWER })
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

  /** Ends the session (there may be none); the answer may name the provider's sign-out page. */
  @Post('auth/logout')
  @HttpCode(200)
  @UseGuards(CsrfGuard)
  @ApiSecurity(SESSION_CHANGE[0])
  @ApiSecurity({})
  @ApiOkResponse({ type: SignedOut })
  async logout(@Req() request: Request, @Res() response: Response): Promise<void> {
    const session = this.sessions.destroy(cookieOf(request, SESSION_COOKIE));
    clearCookie(response, SESSION_COOKIE, this.env.TENURE_CONSOLE_URL);
    const url = session ? await this.oidc.signOutUrl(session.idToken).catch(() => undefined) : undefined;
    response.json({ signedOut: true, ...(url ? { providerSignOutUrl: url } : {}) });
  }

  /** Who is signed in and what they may do; the web app shows only the actions these roles allow. */
  @Get('api/me')
  @UseGuards(SignedInSession)
  @ApiSecurity(SESSION_READ[0])
  @ApiOkResponse({ type: SignedInPerson })
  me(@CurrentSession() session: ConsoleSession): SignedInPerson {
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
