import { Controller, Delete, Get, Inject, NotFoundException, Patch, Post, Put, Req, Res, UseGuards } from '@nestjs/common';
import { ApiSecurity, ApiTags } from '@nestjs/swagger';
import { ENVIRONMENT } from '@tenure/config';
import type { Request, Response } from 'express';
import { CsrfGuard } from '../auth/csrf.guard';
import { CurrentSession, SignedInSession } from '../auth/session.guard';
import type { ConsoleEnvironment } from '../console.environment';
import { SESSION_CHANGE, SESSION_READ } from '../console.openapi';
import type { ConsoleSession } from '../session/session.store';
import { ApiProxy } from './api-proxy';
import { PassThrough } from './pass-through.decorator';

const OPS = 'ops/*path';
const AUDIT = 'audit/*path';

/**
 * `/api/ops/*` → the orchestrator's `/v1/*`, `/api/audit/*` → the audit API's
 * `/v1/audit/*`, with the signed-in person's access token. Those APIs decide
 * what the person may do; the console adds no rights of its own. Each method
 * is its own handler only so the OpenAPI document names them.
 */
@ApiTags('pass-through')
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

  /** A read of the ops API (`GET /v1/<path>` of the orchestrator). */
  @Get(OPS)
  @ApiSecurity(SESSION_READ[0])
  @PassThrough.path('ops', { read: true })
  readOps(@Req() request: Request, @Res() response: Response, @CurrentSession() session: ConsoleSession) {
    return this.forward(request, response, session);
  }

  /** A change through the ops API (`POST /v1/<path>`). */
  @Post(OPS)
  @ApiSecurity(SESSION_CHANGE[0])
  @PassThrough.path('ops')
  @PassThrough.body()
  postOps(@Req() request: Request, @Res() response: Response, @CurrentSession() session: ConsoleSession) {
    return this.forward(request, response, session);
  }

  /** `PUT /v1/<path>` of the ops API. */
  @Put(OPS)
  @ApiSecurity(SESSION_CHANGE[0])
  @PassThrough.path('ops')
  @PassThrough.body()
  putOps(@Req() request: Request, @Res() response: Response, @CurrentSession() session: ConsoleSession) {
    return this.forward(request, response, session);
  }

  /** `PATCH /v1/<path>` of the ops API. */
  @Patch(OPS)
  @ApiSecurity(SESSION_CHANGE[0])
  @PassThrough.path('ops')
  @PassThrough.body()
  patchOps(@Req() request: Request, @Res() response: Response, @CurrentSession() session: ConsoleSession) {
    return this.forward(request, response, session);
  }

  /** `DELETE /v1/<path>` of the ops API. */
  @Delete(OPS)
  @ApiSecurity(SESSION_CHANGE[0])
  @PassThrough.path('ops')
  deleteOps(@Req() request: Request, @Res() response: Response, @CurrentSession() session: ConsoleSession) {
    return this.forward(request, response, session);
  }

  /** A read of the audit API (`GET /v1/audit/<path>`): records, exports, evidence bundles. */
  @Get(AUDIT)
  @ApiSecurity(SESSION_READ[0])
  @PassThrough.path('audit', { read: true })
  readAudit(@Req() request: Request, @Res() response: Response, @CurrentSession() session: ConsoleSession) {
    return this.forward(request, response, session);
  }

  /** A request to the audit API (`POST /v1/audit/<path>`): an evidence bundle, a chain verification. */
  @Post(AUDIT)
  @ApiSecurity(SESSION_CHANGE[0])
  @PassThrough.path('audit')
  @PassThrough.body()
  postAudit(@Req() request: Request, @Res() response: Response, @CurrentSession() session: ConsoleSession) {
    return this.forward(request, response, session);
  }

  private async forward(request: Request, response: Response, session: ConsoleSession): Promise<void> {
    const [, , target, ...rest] = request.originalUrl.split('/');
    const upstream = this.upstreams[target];
    const path = `/${rest.join('/')}`;
    if (!upstream || leavesItsPrefix(path)) {
      throw new NotFoundException({ error: 'not_found', message: 'no such API route' });
    }
    await this.proxy.forward(request, response, `${upstream.base.replace(/\/$/, '')}${upstream.prefix}${path}`, session.accessToken);
  }
}

/** `..` or `.` as a segment (plain or percent-encoded) could reach another API's routes; so could undecodable escapes. */
function leavesItsPrefix(path: string): boolean {
  let decoded: string;
  try {
    decoded = decodeURIComponent(path.split('?')[0]);
  } catch {
    return true;
  }
  return /(^|\/)\.\.?(\/|\?|$)/.test(decoded);
}
