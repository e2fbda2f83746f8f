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
} from '@nestjs/common';
import {
  AccountCreatedResponse,
  AccountDeletedResponse,
  AccountDisabledResponse,
  AccountEnabledResponse,
  AccountPage,
  AccountUpdatedResponse,
  CreateAccountRequest,
  OwnershipTransferredResponse,
  SessionsRevokedResponse,
  TransferOwnershipRequest,
  UpdateAccountRequest,
} from '@tenure/contracts';
import { ConnectorExceptionFilter } from '../connectors/connector-exception.filter';
import { AccountsService } from './accounts.service';
import { AccountParams, AppParams } from './dto/account-params.dto';
import { ListAccountsQuery } from './dto/list-accounts.query';

/** Every operation is idempotent: the same call again changes nothing more and answers alike. */
@Controller('v1/apps/:appId/accounts')
@UseFilters(ConnectorExceptionFilter)
export class AccountsController {
  constructor(private readonly accounts: AccountsService) {}

  @Post()
  @HttpCode(HttpStatus.OK)
  create(@Param() { appId }: AppParams, @Body() dto: CreateAccountRequest): Promise<AccountCreatedResponse> {
    return this.accounts.create(appId, dto);
  }

  @Get()
  list(@Param() { appId }: AppParams, @Query() query: ListAccountsQuery): Promise<AccountPage> {
    return this.accounts.list(appId, query);
  }

  @Patch(':externalId')
  update(
    @Param() { appId, externalId }: AccountParams,
    @Body() dto: UpdateAccountRequest,
  ): Promise<AccountUpdatedResponse> {
    return this.accounts.update(appId, externalId, dto);
  }

  @Post(':externalId/enable')
  @HttpCode(HttpStatus.OK)
  enable(@Param() { appId, externalId }: AccountParams): Promise<AccountEnabledResponse> {
    return this.accounts.enable(appId, externalId);
  }

  @Post(':externalId/disable')
  @HttpCode(HttpStatus.OK)
  disable(@Param() { appId, externalId }: AccountParams): Promise<AccountDisabledResponse> {
    return this.accounts.disable(appId, externalId);
  }

  @Post(':externalId/revoke-sessions')
  @HttpCode(HttpStatus.OK)
  revokeSessions(@Param() { appId, externalId }: AccountParams): Promise<SessionsRevokedResponse> {
    return this.accounts.revokeSessions(appId, externalId);
  }

  @Post(':externalId/transfer-ownership')
  @HttpCode(HttpStatus.OK)
  transferOwnership(
    @Param() { appId, externalId }: AccountParams,
    @Body() dto: TransferOwnershipRequest,
  ): Promise<OwnershipTransferredResponse> {
    return this.accounts.transferOwnership(appId, externalId, dto.toEmployeeId);
  }

  @Delete(':externalId')
  remove(@Param() { appId, externalId }: AccountParams): Promise<AccountDeletedResponse> {
    return this.accounts.remove(appId, externalId);
  }
}
