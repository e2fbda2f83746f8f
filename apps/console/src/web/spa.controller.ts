import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { documentPublicRoute } from '@tenure/auth';
import type { Response } from 'express';
import { join } from 'node:path';
import { WEB_DIR } from './web-dir';

/** Every page of the web app is its index.html; the app's router picks the page from the path. */
@ApiTags('web app')
@Controller()
export class SpaController {
  constructor(@Inject(WEB_DIR) private readonly webDir: string) {}

  @Get(['/', 'overview', 'people', 'people/*path', 'queues', 'reconciliation', 'policy', 'audit', 'audit/*path'])
  @documentPublicRoute()
  @ApiProduces('text/html')
  @ApiOkResponse({ description: "The web app's page (its index.html).", content: { 'text/html': { schema: { type: 'string' } } } })
  index(@Res() response: Response): void {
    response.setHeader('cache-control', 'no-cache');
    response.sendFile(join(this.webDir, 'index.html'));
  }
}
