import { AppConfig } from '@tenure/config';
import { RequestGuard } from '../protection/app-guard';
import { BearerCredential } from './bearer-credential';
import { Connector } from './connector';
import { ScimAppApi } from './drivers/scim/scim-app-api';
import { ScimClient } from './drivers/scim/scim.client';
import { ScimConnector } from './drivers/scim/scim.connector';

/** Builds the connector an app's configuration asks for; a new kind of connector is one more case here. */
export function createConnector(app: AppConfig, credential: BearerCredential, guard: RequestGuard): Connector {
  switch (app.connector) {
    case 'scim': {
      if (!app.scim) throw new Error(`app ${app.id}: scim settings are missing`);
      const client = new ScimClient({ baseUrl: app.scim.baseUrl, credential, timeoutMs: app.timeoutMs, guard });
      const appApi = new ScimAppApi(client, {
        revokeSessionsUrl: app.scim.revokeSessions?.url,
        transferOwnershipUrl: app.scim.transferOwnership?.url,
      });
      return new ScimConnector(client, appApi);
    }
  }
}
