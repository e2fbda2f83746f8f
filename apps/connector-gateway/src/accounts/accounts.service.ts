import { Injectable, Logger } from '@nestjs/common';
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
  UpdateAccountRequest,
} from '@tenure/contracts';
import { AppRegistry } from '../apps/app-registry';
import { PageRequest } from '../connectors/connector';

/** Each operation asks the registry for a connector that declares the capability, so a missing one is NOT_SUPPORTED. */
@Injectable()
export class AccountsService {
  private readonly logger = new Logger(AccountsService.name);

  constructor(private readonly registry: AppRegistry) {}

  async create(appId: string, dto: CreateAccountRequest): Promise<AccountCreatedResponse> {
    const connector = this.registry.connectorWith(appId, 'create');
    const active = dto.active ?? true;
    const { externalId, created } = await connector.createAccount({ ...dto, groups: dto.groups ?? [], active });
    this.logger.log(
      { appId, employeeId: dto.employeeId, externalId, created, active },
      created ? 'account created' : 'account already present',
    );
    return { appId, externalId, status: active ? 'active' : 'disabled', created };
  }

  async update(appId: string, externalId: string, dto: UpdateAccountRequest): Promise<AccountUpdatedResponse> {
    const { addGroups = [], removeGroups = [], ...profile } = dto;
    const connector = this.registry.connectorWith(appId, 'update');
    if (addGroups.length > 0 || removeGroups.length > 0) this.registry.connectorWith(appId, 'groups');
    const { groups } = await connector.updateAccount(externalId, { profile, addGroups, removeGroups });
    this.logger.log({ appId, externalId, fields: Object.keys(profile), addGroups, removeGroups }, 'account updated');
    return { appId, externalId, groups };
  }

  async enable(appId: string, externalId: string): Promise<AccountEnabledResponse> {
    // Re-enabling is the reverse of disabling: an app that can do one can do the other.
    await this.registry.connectorWith(appId, 'disable').enableAccount(externalId);
    this.logger.log({ appId, externalId }, 'account enabled');
    return { appId, externalId, status: 'active' };
  }

  async disable(appId: string, externalId: string): Promise<AccountDisabledResponse> {
    await this.registry.connectorWith(appId, 'disable').disableAccount(externalId);
    this.logger.log({ appId, externalId }, 'account disabled');
    return { appId, externalId, status: 'disabled' };
  }

  async revokeSessions(appId: string, externalId: string): Promise<SessionsRevokedResponse> {
    const revoked = await this.registry.connectorWith(appId, 'revoke_sessions').revokeSessions(externalId);
    this.logger.log({ appId, externalId, revoked }, 'sessions revoked');
    return { appId, externalId, revoked };
  }

  async transferOwnership(
    appId: string,
    externalId: string,
    toEmployeeId: string,
  ): Promise<OwnershipTransferredResponse> {
    const connector = this.registry.connectorWith(appId, 'transfer_ownership');
    const { toExternalId, transferred } = await connector.transferOwnership(externalId, toEmployeeId);
    this.logger.log({ appId, externalId, toEmployeeId, toExternalId, transferred }, 'ownership transferred');
    return { appId, externalId, toExternalId, transferred };
  }

  async remove(appId: string, externalId: string): Promise<AccountDeletedResponse> {
    const deleted = await this.registry.connectorWith(appId, 'delete').deleteAccount(externalId);
    this.logger.log({ appId, externalId, deleted }, deleted ? 'account deleted' : 'account already gone');
    return { appId, externalId, status: 'deleted', deleted };
  }

  list(appId: string, page: PageRequest): Promise<AccountPage> {
    return this.registry.connectorWith(appId, 'list_accounts').listAccounts(page);
  }
}
