import { Injectable, Logger } from '@nestjs/common';
import { AccountCreatedResponse, AccountDisabledResponse, CreateAccountRequest } from '@tenure/contracts';
import { AppRegistry } from '../apps/app-registry';

@Injectable()
export class AccountsService {
  private readonly logger = new Logger(AccountsService.name);

  constructor(private readonly registry: AppRegistry) {}

  async create(appId: string, dto: CreateAccountRequest): Promise<AccountCreatedResponse> {
    const connector = this.registry.connectorFor(appId);
    const { externalId, created } = await connector.createAccount({ ...dto, groups: dto.groups ?? [] });
    this.logger.log(
      { appId, employeeId: dto.employeeId, externalId, created },
      created ? 'account created' : 'account already present',
    );
    return { appId, externalId, status: 'active', created };
  }

  async disable(appId: string, externalId: string): Promise<AccountDisabledResponse> {
    await this.registry.connectorFor(appId).disableAccount(externalId);
    this.logger.log({ appId, externalId }, 'account disabled');
    return { appId, externalId, status: 'disabled' };
  }
}
