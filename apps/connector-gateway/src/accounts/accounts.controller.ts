import { Body, Controller, HttpCode, HttpStatus, Param, Post, UseFilters } from '@nestjs/common';
import { AccountCreatedResponse, AccountDisabledResponse, CreateAccountRequest } from '@tenure/contracts';
import { ConnectorExceptionFilter } from '../connectors/connector-exception.filter';
import { AccountsService } from './accounts.service';
import { AccountParams, AppParams } from './dto/account-params.dto';

@Controller('v1/apps/:appId/accounts')
@UseFilters(ConnectorExceptionFilter)
export class AccountsController {
  constructor(private readonly accounts: AccountsService) {}

  /** Idempotent: the same call again answers with the same account and `created: false`. */
  @Post()
  @HttpCode(HttpStatus.OK)
  create(@Param() { appId }: AppParams, @Body() dto: CreateAccountRequest): Promise<AccountCreatedResponse> {
    return this.accounts.create(appId, dto);
  }

  @Post(':externalId/disable')
  @HttpCode(HttpStatus.OK)
  disable(@Param() { appId, externalId }: AccountParams): Promise<AccountDisabledResponse> {
    return this.accounts.disable(appId, externalId);
  }
}
