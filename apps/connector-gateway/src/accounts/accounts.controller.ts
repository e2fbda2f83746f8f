import { Body, Controller, HttpCode, HttpStatus, Param, Post, UseFilters } from '@nestjs/common';
import { ConnectorExceptionFilter } from '../connectors/connector-exception.filter';
import { AccountCreatedResponse, AccountDisabledResponse } from './account.responses';
import { AccountsService } from './accounts.service';
import { AccountParams, AppParams } from './dto/account-params.dto';
import { CreateAccountDto } from './dto/create-account.dto';

@Controller('v1/apps/:appId/accounts')
@UseFilters(ConnectorExceptionFilter)
export class AccountsController {
  constructor(private readonly accounts: AccountsService) {}

  /** Idempotent: the same call again answers with the same account and `created: false`. */
  @Post()
  @HttpCode(HttpStatus.OK)
  create(@Param() { appId }: AppParams, @Body() dto: CreateAccountDto): Promise<AccountCreatedResponse> {
    return this.accounts.create(appId, dto);
  }

  @Post(':externalId/disable')
  @HttpCode(HttpStatus.OK)
  disable(@Param() { appId, externalId }: AccountParams): Promise<AccountDisabledResponse> {
    return this.accounts.disable(appId, externalId);
  }
}
