import { AppConfig } from '@tenure/config';
import { BearerCredential } from './bearer-credential';
import { Connector } from './connector';
import { ScimClient } from './drivers/scim/scim.client';
import { ScimConnector } from './drivers/scim/scim.connector';

/** Builds the connector an app's configuration asks for; a new kind of connector is one more case here. */
export function createConnector(app: AppConfig, credential: BearerCredential): Connector {
  switch (app.connector) {
    case 'scim':
      if (!app.scim) throw new Error(`app ${app.id}: scim settings are missing`);
      return new ScimConnector(new ScimClient({ baseUrl: app.scim.baseUrl, credential, timeoutMs: app.timeoutMs }));
  }
}
