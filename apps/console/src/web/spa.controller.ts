import { applyDecorators, Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiOkResponse, ApiParam, ApiProduces, ApiTags } from '@nestjs/swagger';
import { documentPublicRoute } from '@tenure/auth';
import type { Response } from 'express';
import { join } from 'node:path';
import { WEB_DIR } from './web-dir';

const WEB_APP_PAGE = () =>
  applyDecorators(
    documentPublicRoute(),
    ApiProduces('text/html'),
    ApiOkResponse({
      description: "The web app's page (its index.html).",
      content: { 'text/html': { schema: { type: 'string' } } },
    }),
  );

/** Every page of the web app is its index.html; the app's router picks the page from the path. */
@ApiTags('web app')
@Controller()
export class SpaController {
  constructor(@Inject(WEB_DIR) private readonly webDir: string) {}

  @Get(['/', 'overview', 'people', 'queues', 'reconciliation', 'policy', 'audit'])
  @WEB_APP_PAGE()
  page(@Res() response: Response): void {
    this.index(response);
  }

  /** A page about one thing (a person, an audit view), named by the rest of the path. */
  @Get(['people/*path', 'audit/*path'])
  @WEB_APP_PAGE()
  @ApiParam({ name: 'path', description: 'What the page shows, read by the web app.', schema: { type: 'string' } })
  pageOf(@Res() response: Response): void {
    this.index(response);
  }

  private index(response: Response): void {
    response.setHeader('cache-control', 'no-cache');
    response.sendFile(join(this.webDir, 'index.html'));
  }
}
