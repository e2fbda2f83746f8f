import { ConnectorException } from '../../connector.exception';
import { AppHttp, countIn } from './scim.types';

/** Where an app's own API does what SCIM leaves out; `{id}` stands for the account's id in the app. */
export interface ScimAppEndpoints {
  revokeSessionsUrl?: string;
  transferOwnershipUrl?: string;
}

function urlFor(template: string, externalId: string): string {
  return template.replaceAll('{id}', encodeURIComponent(externalId));
}

/**
 * Session revocation and ownership transfer through the app's own API, by a
 * small convention the simulated apps follow and a real app can be fronted
 * with: `DELETE <revokeSessionsUrl>` answers `{"revoked": n}`, `POST
 * <transferOwnershipUrl> {"toUserId"}` answers `{"transferred": n}`.
 */
export class ScimAppApi {
  constructor(
    private readonly http: AppHttp,
    private readonly endpoints: ScimAppEndpoints,
  ) {}

  get canRevokeSessions(): boolean {
    return this.endpoints.revokeSessionsUrl !== undefined;
  }

  get canTransferOwnership(): boolean {
    return this.endpoints.transferOwnershipUrl !== undefined;
  }

  async revokeSessions(externalId: string): Promise<number> {
    const template = this.endpoints.revokeSessionsUrl;
    if (!template) throw new ConnectorException('NOT_SUPPORTED', 'this app offers no session revocation');
    return countIn(await this.http.call('DELETE', urlFor(template, externalId)), 'revoked');
  }

  async transferOwnership(externalId: string, toExternalId: string): Promise<number> {
    const template = this.endpoints.transferOwnershipUrl;
    if (!template) throw new ConnectorException('NOT_SUPPORTED', 'this app offers no ownership transfer');
    return countIn(
      await this.http.call('POST', urlFor(template, externalId), { toUserId: toExternalId }),
      'transferred',
    );
  }
}
