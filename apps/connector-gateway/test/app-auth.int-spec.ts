import { AppsConfig, parseYamlConfig } from '@tenure/config';
import {
  appToken,
  oauthAdmin,
  RunningSaasSim,
  simulatedApp,
  startSimulatedAppsWithAdmin,
  usersIn,
} from './simulated-apps.fixture';
import { authorized, GatewayUnderTest } from './gateway-under-test.fixture';

let sim: RunningSaasSim;
let gateway: GatewayUnderTest;

beforeAll(async () => {
  sim = await startSimulatedAppsWithAdmin([
    simulatedApp('crm', { oauth: { clientId: 'tenure-crm', tokenTtlSeconds: 2 } }),
    simulatedApp('shop', { oauth: { clientId: 'tenure-shop', tokenTtlSeconds: 3600 } }),
  ]);
  const yaml = [
    'apps:',
    '  - id: crm',
    '    displayName: CRM',
    '    connector: scim',
    `    scim: { baseUrl: "${sim.url}/crm/scim/v2" }`,
    `    auth: { type: oauth2, tokenUrl: "${sim.url}/crm/oauth/token", clientId: tenure-crm, clientSecretEnv: CRM_SECRET }`,
    '  - id: shop',
    '    displayName: Shop',
    '    connector: scim',
    `    scim: { baseUrl: "${sim.url}/shop/scim/v2" }`,
    `    auth: { type: oauth2, tokenUrl: "${sim.url}/shop/oauth/token", clientId: tenure-shop, clientSecretEnv: SHOP_SECRET }`,
  ].join('\n');
  const env = { CRM_SECRET: appToken('crm'), SHOP_SECRET: 'not-the-shop-secret-0123456789' };
  const { apps } = parseYamlConfig('apps.yaml', yaml, AppsConfig, env);
  gateway = await GatewayUnderTest.start(apps, env);
});

afterAll(async () => {
  await gateway?.close();
  await sim?.close();
});

const api = () => gateway.api();
let sequence = 0;
const person = () => {
  sequence += 1;
  return {
    employeeId: `E${7000 + sequence}`,
    userName: `oauth${sequence}@example.com`,
    email: `oauth${sequence}@example.com`,
    givenName: 'Oauth',
    familyName: `Person${sequence}`,
  };
};

describe('OAuth 2.0 client credentials towards an app', () => {
  it('gets a token once, reuses it, and gets a new one when it expires or is revoked', async () => {
    await api().post('/v1/apps/crm/accounts').set(authorized).send(person()).expect(200);
    await api().post('/v1/apps/crm/accounts').set(authorized).send(person()).expect(200);
    expect(await oauthAdmin(sim, 'crm', 'GET')).toBe(1);

    // The token lives 2 s and is renewed in its second half, before the app would refuse it.
    await new Promise((resolve) => setTimeout(resolve, 1200));
    await api().post('/v1/apps/crm/accounts').set(authorized).send(person()).expect(200);
    expect(await oauthAdmin(sim, 'crm', 'GET')).toBe(2);

    // Revoked by the app: its 401 makes the gateway fetch a new token and try again once.
    await oauthAdmin(sim, 'crm', 'DELETE');
    await api().post('/v1/apps/crm/accounts').set(authorized).send(person()).expect(200);
    expect(await oauthAdmin(sim, 'crm', 'GET')).toBe(3);
    expect(await usersIn(sim, 'crm')).toHaveLength(4);
  });

  it('answers 502 UNAUTHORIZED, not retryable, when the token endpoint refuses the client', async () => {
    const { body } = await api().post('/v1/apps/shop/accounts').set(authorized).send(person()).expect(502);
    expect(body.error).toMatchObject({ code: 'UNAUTHORIZED', retryable: false });
    expect(JSON.stringify(body)).not.toContain('not-the-shop-secret');
    expect(await oauthAdmin(sim, 'shop', 'GET')).toBe(0);
  });
});
