import { AppConfig } from '@tenure/config';
import { RequestGuard } from '../protection/app-guard';
import { ResolvedAuth } from '../apps/app-credentials';
import { Connector } from './connector';
import { httpCredentialFor } from './http-credential.factory';
import { LdapDirectory } from './drivers/ldap/ldap-directory';
import { LdapConnector } from './drivers/ldap/ldap.connector';
import { ScimAppApi } from './drivers/scim/scim-app-api';
import { ScimClient } from './drivers/scim/scim.client';
import { ScimConnector } from './drivers/scim/scim.connector';

/** Builds the connector an app's configuration asks for; a new kind of connector is one more case here. */
export function createConnector(app: AppConfig, auth: ResolvedAuth, guard: RequestGuard): Connector {
  switch (app.connector) {
    case 'scim': {
      if (!app.scim) throw new Error(`app ${app.id}: scim settings are missing`);
      const credential = httpCredentialFor(auth, app.timeoutMs);
      const client = new ScimClient({ baseUrl: app.scim.baseUrl, credential, timeoutMs: app.timeoutMs, guard });
      const appApi = new ScimAppApi(client, {
        revokeSessionsUrl: app.scim.revokeSessions?.url,
        transferOwnershipUrl: app.scim.transferOwnership?.url,
      });
      return new ScimConnector(client, appApi);
    }
    case 'ldap': {
      if (!app.ldap) throw new Error(`app ${app.id}: ldap settings are missing`);
      if (auth.type !== 'basic')
        throw new Error(`app ${app.id}: an LDAP directory needs basic auth (bind DN and password)`);
      const directory = new LdapDirectory({
        url: app.ldap.url,
        bindDn: auth.username,
        password: auth.password,
        timeoutMs: app.timeoutMs,
        guard,
      });
      return new LdapConnector(directory, app.ldap);
    }
  }
}
