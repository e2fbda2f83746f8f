import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  HttpStatus,
  Param,
  Patch,
  Post,
  Query,
  UseFilters,
  UseInterceptors,
} from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';
import { CreateAccountRequest, TransferOwnershipRequest, UpdateAccountRequest } from '@tenure/contracts';
import { ConnectorExceptionFilter } from '../connectors/connector-exception.filter';
import { AccountsService } from './accounts.service';
import { CallerContextInterceptor, Urgent } from './caller-context.interceptor';
import { AccountPageView } from './dto/account-page.view';
import {
  AccountCreatedView,
  AccountDeletedView,
  AccountDisabledView,
  AccountEnabledView,
  AccountUpdatedView,
  OwnershipTransferredView,
  SessionsRevokedView,
} from './dto/account-results.view';
import { AccountParams, AppParams } from './dto/account-params.dto';
import { ListAccountsQuery } from './dto/list-accounts.query';

/** Every operation is idempotent: the same call again changes nothing more and answers alike. */
@Controller('v1/apps/:appId/accounts')
@UseFilters(ConnectorExceptionFilter)
@UseInterceptors(CallerContextInterceptor)
export class AccountsController {
  constructor(private readonly accounts: AccountsService) {}

  @Post()
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: AccountCreatedView })
  create(@Param() { appId }: AppParams, @Body() dto: CreateAccountRequest): Promise<AccountCreatedView> {
    return this.accounts.create(appId, dto);
  }

  @Get()
  @Urgent('housekeeping')
  @ApiOkResponse({ type: AccountPageView })
  list(@Param() { appId }: AppParams, @Query() query: ListAccountsQuery): Promise<AccountPageView> {
    return this.accounts.list(appId, query);
  }

  @Patch(':externalId')
  @ApiOkResponse({ type: AccountUpdatedView })
  update(
    @Param() { appId, externalId }: AccountParams,
    @Body() dto: UpdateAccountRequest,
  ): Promise<AccountUpdatedView> {
    return this.accounts.update(appId, externalId, dto);
  }

  @Post(':externalId/enable')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: AccountEnabledView })
  enable(@Param() { appId, externalId }: AccountParams): Promise<AccountEnabledView> {
    return this.accounts.enable(appId, externalId);
  }

  @Post(':externalId/disable')
  @Urgent('revocation')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: AccountDisabledView })
  disable(@Param() { appId, externalId }: AccountParams): Promise<AccountDisabledView> {
    return this.accounts.disable(appId, externalId);
  }

  @Post(':externalId/revoke-sessions')
  @Urgent('revocation')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: SessionsRevokedView })
  revokeSessions(@Param() { appId, externalId }: AccountParams): Promise<SessionsRevokedView> {
    return this.accounts.revokeSessions(appId, externalId);
  }

  @Post(':externalId/transfer-ownership')
  @Urgent('housekeeping')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: OwnershipTransferredView })
  transferOwnership(
    @Param() { appId, externalId }: AccountParams,
    @Body() dto: TransferOwnershipRequest,
  ): Promise<OwnershipTransferredView> {
    return this.accounts.transferOwnership(appId, externalId, dto.toEmployeeId);
  }

  @Delete(':externalId')
  @Urgent('housekeeping')
  @ApiOkResponse({ type: AccountDeletedView })
  remove(@Param() { appId, externalId }: AccountParams): Promise<AccountDeletedView> {
    return this.accounts.remove(appId, externalId);
  }
}
