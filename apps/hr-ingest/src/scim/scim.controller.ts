import {
  applyDecorators,
  Body,
  Controller,
  Delete,
  Get,
  Header,
  HttpCode,
  Inject,
  Param,
  Patch,
  Post,
  Put,
  Req,
  Res,
  UseFilters,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import { IngestEndpoint } from '../limits/ingest-source.decorator';
import { HR_SOURCES, HrSourcesConfig } from '../sources/hr-sources.config';
import { BulkResponse, ScimBulkService } from './scim-bulk.service';
import { ScimExceptionFilter } from './scim-exception.filter';
import { SCIM_CONTENT_TYPES } from './scim-schemas';
import { ScimTokenGuard } from './scim-token.guard';
import { ScimOutcome, ScimUsersService } from './scim-users.service';
import { ScimUser } from './scim-user.mapper';
import { serviceProviderConfig } from './service-provider-config';

const SCIM_RESPONSE_TYPE = `${SCIM_CONTENT_TYPES[0]}; charset=utf-8`;

/** A SCIM route: rate-limited as the `scim` source, bearer token, SCIM content types in and out. */
const ScimRoute = (withBody: boolean): MethodDecorator =>
  applyDecorators(
    withBody ? IngestEndpoint('scim', ScimTokenGuard, ...SCIM_CONTENT_TYPES) : IngestEndpoint('scim', ScimTokenGuard),
    Header('Content-Type', SCIM_RESPONSE_TYPE),
  );

function baseUrlOf(request: Request): string {
  return `${request.protocol}://${request.get('host') ?? 'localhost'}/scim/v2`;
}

@Controller('scim/v2')
@UseFilters(ScimExceptionFilter)
export class ScimController {
  constructor(
    private readonly users: ScimUsersService,
    private readonly bulk: ScimBulkService,
    @Inject(HR_SOURCES) private readonly sources: HrSourcesConfig,
  ) {}

  @ScimRoute(true)
  @Post('Bulk')
  @HttpCode(200)
  applyBulk(@Body() body: unknown, @Req() request: Request): Promise<BulkResponse> {
    return this.bulk.apply(body, baseUrlOf(request));
  }

  @ScimRoute(true)
  @Post('Users')
  async create(@Body() body: unknown, @Req() request: Request, @Res({ passthrough: true }) response: Response) {
    return this.answer(await this.users.create(body), request, response);
  }

  @ScimRoute(true)
  @Put('Users/:id')
  async replace(
    @Param('id') id: string,
    @Body() body: unknown,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ) {
    return this.answer(await this.users.replace(id, body), request, response);
  }

  @ScimRoute(true)
  @Patch('Users/:id')
  async patch(
    @Param('id') id: string,
    @Body() body: unknown,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ) {
    return this.answer(await this.users.patch(id, body), request, response);
  }

  @ScimRoute(false)
  @Delete('Users/:id')
  @HttpCode(204)
  async remove(@Param('id') id: string): Promise<void> {
    await this.users.remove(id);
  }

  @ScimRoute(false)
  @Get('Users/:id')
  async get(@Param('id') id: string, @Req() request: Request, @Res({ passthrough: true }) response: Response) {
    return this.answer(await this.users.get(id), request, response);
  }

  @ScimRoute(false)
  @Get('ServiceProviderConfig')
  config() {
    return serviceProviderConfig(this.sources.limits.maxBodyBytes);
  }

  private answer(outcome: ScimOutcome, request: Request, response: Response): ScimUser | undefined {
    const location = `${baseUrlOf(request)}/Users/${encodeURIComponent(outcome.id)}`;
    response.status(outcome.status).setHeader('Location', location);
    return outcome.resource && { ...outcome.resource, meta: { resourceType: 'User', location } };
  }
}
