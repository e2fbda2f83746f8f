import { BearerCredential } from '../src/connectors/bearer-credential';
import { LdapDirectory } from '../src/connectors/drivers/ldap/ldap-directory';
import { LdapConnector } from '../src/connectors/drivers/ldap/ldap.connector';
import { ScimClient } from '../src/connectors/drivers/scim/scim.client';
import { ScimConnector } from '../src/connectors/drivers/scim/scim.connector';
import { SecretValue } from '../src/connectors/secret-value';
import { UNGUARDED } from '../src/protection/app-guard';
import { describeConnectorConformance } from './conformance/connector-conformance';
import { startScim2Server } from './peers/scim2-server.fixture';
import { LAYOUT, startSlapd } from './peers/slapd.fixture';
import { appToken, simulatedApp, startSimulatedApps } from './simulated-apps.fixture';

const scimConnector = (baseUrl: string, token: string) =>
  new ScimConnector(new ScimClient({ baseUrl, credential: new BearerCredential(token), timeoutMs: 5000 }));

describeConnectorConformance('SCIM driver against the simulated apps', async () => {
  const sim = await startSimulatedApps([simulatedApp('slack')]);
  return { connector: scimConnector(`${sim.url}/slack/scim/v2`, appToken('slack')), stop: () => sim.close() };
});

describeConnectorConformance('SCIM driver against scim2-server', async () => {
  const server = await startScim2Server();
  return { connector: scimConnector(server.baseUrl, server.token), stop: () => server.stop() };
});

describeConnectorConformance('LDAP driver against slapd', async () => {
  const slapd = await startSlapd();
  const directory = new LdapDirectory({
    url: slapd.url,
    bindDn: slapd.adminDn,
    password: new SecretValue(slapd.adminPassword),
    timeoutMs: 5000,
    guard: UNGUARDED,
  });
  return { connector: new LdapConnector(directory, LAYOUT), stop: () => slapd.stop() };
});
