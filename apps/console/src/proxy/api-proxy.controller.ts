import { All, Controller, Inject, NotFoundException, Req, Res, UseGuards } from '@nestjs/common';
import { ENVIRONMENT } from '@tenure/config';
import type { Request, Response } from 'express';
import { CsrfGuard } from '../auth/csrf.guard';
import { CurrentSession, SignedInSession } from '../auth/session.guard';
import type { ConsoleEnvironment } from '../console.environment';
import type { ConsoleSession } from '../session/session.store';
import { ApiProxy } from './api-proxy';

/**
 * `/api/ops/*` → the orchestrator's `/v1/*`, `/api/audit/*` → the audit API's
 * `/v1/audit/*`, with the signed-in person's access token. Those APIs decide
 * what the person may do; the console adds no rights of its own.
 */
@Controller('api')
@UseGuards(SignedInSession, CsrfGuard)
export class ApiProxyController {
  private readonly upstreams: Record<string, { base: string; prefix: string }>;

  constructor(
    @Inject(ENVIRONMENT) env: ConsoleEnvironment,
    private readonly proxy: ApiProxy,
  ) {
    this.upstreams = {
      ops: { base: env.TENURE_ORCHESTRATOR_URL, prefix: '/v1' },
      audit: { base: env.TENURE_AUDIT_URL, prefix: '/v1/audit' },
    };
  }

  @All(['ops/*path', 'audit/*path'])
  async forward(@Req() request: Request, @Res() response: Response, @CurrentSession() session: ConsoleSession) {
    const [, , target, ...rest] = request.originalUrl.split('/');
    const upstream = this.upstreams[target];
    const path = `/${rest.join('/')}`;
    if (!upstream || /(^|\/)\.\.?(\/|\?|$)/.test(decodeURIComponent(path.split('?')[0]))) {
      throw new NotFoundException({ error: 'not_found', message: 'no such API route' });
    }
    await this.proxy.forward(request, response, `${upstream.base.replace(/\/$/, '')}${upstream.prefix}${path}`, session.accessToken);
  }
}
