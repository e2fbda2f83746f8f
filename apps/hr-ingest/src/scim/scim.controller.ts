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
import { ApiExtraModels, ApiResponse, getSchemaPath } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { IngestEndpoint } from '../limits/ingest-source.decorator';
import { HR_SOURCES, HrSourcesConfig } from '../sources/hr-sources.config';
import { BulkResponse, ScimBulkService } from './scim-bulk.service';
import { ScimExceptionFilter } from './scim-exception.filter';
import { SCIM_CONTENT_TYPES } from './scim-schemas';
import { ScimTokenGuard } from './scim-token.guard';
import { ScimOutcome, ScimUsersService } from './scim-users.service';
import { ScimBulkResponseView, ScimUserView } from './dto/scim-user.view';
import { ServiceProviderConfigView } from './dto/service-provider-config.view';
import { ScimUser } from './scim-user.mapper';
import { serviceProviderConfig } from './service-provider-config';

const SCIM_RESPONSE_TYPE = `${SCIM_CONTENT_TYPES[0]}; charset=utf-8`;

/** A SCIM route: rate-limited as the `scim` source, bearer token, SCIM content types in and out. */
const ScimRoute = (withBody: boolean): MethodDecorator =>
  applyDecorators(
    withBody ? IngestEndpoint('scim', ScimTokenGuard, ...SCIM_CONTENT_TYPES) : IngestEndpoint('scim', ScimTokenGuard),
    Header('Content-Type', SCIM_RESPONSE_TYPE),
  );

/** A SCIM answer is `application/scim+json` (RFC 7644 §3.1), so its schema is documented under that type. */
const ScimAnswer = (type: new () => object, ...answers: { status: number; description: string }[]): MethodDecorator =>
  applyDecorators(
    ApiExtraModels(type),
    ...answers.map(({ status, description }) =>
      ApiResponse({
        status,
        description,
        content: { [SCIM_CONTENT_TYPES[0]]: { schema: { $ref: getSchemaPath(type) } } },
      }),
    ),
  );

const USER_UNCHANGED = {
  status: 200,
  description: 'The User as Tenure holds it (the same request again changes nothing).',
};

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
  @ScimAnswer(ScimBulkResponseView, { status: 200, description: "Each operation's outcome." })
  applyBulk(@Body() body: unknown, @Req() request: Request): Promise<BulkResponse> {
    return this.bulk.apply(body, baseUrlOf(request));
  }

  @ScimRoute(true)
  @Post('Users')
  @ScimAnswer(ScimUserView, { status: 201, description: 'The User, created.' }, USER_UNCHANGED)
  async create(@Body() body: unknown, @Req() request: Request, @Res({ passthrough: true }) response: Response) {
    return this.answer(await this.users.create(body), request, response);
  }

  @ScimRoute(true)
  @Put('Users/:id')
  @ScimAnswer(ScimUserView, USER_UNCHANGED)
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
  @ScimAnswer(ScimUserView, USER_UNCHANGED)
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
  @ScimAnswer(ScimUserView, { status: 200, description: 'The User.' })
  async get(@Param('id') id: string, @Req() request: Request, @Res({ passthrough: true }) response: Response) {
    return this.answer(await this.users.get(id), request, response);
  }

  @ScimRoute(false)
  @Get('ServiceProviderConfig')
  @ScimAnswer(ServiceProviderConfigView, { status: 200, description: 'What this SCIM endpoint supports.' })
  config() {
    return serviceProviderConfig(this.sources.limits.maxBodyBytes);
  }

  private answer(outcome: ScimOutcome, request: Request, response: Response): ScimUser | undefined {
    const location = `${baseUrlOf(request)}/Users/${encodeURIComponent(outcome.id)}`;
    response.status(outcome.status).setHeader('Location', location);
    return outcome.resource && { ...outcome.resource, meta: { resourceType: 'User', location } };
  }
}
