import { ConnectorException } from '../../connector.exception';
import { DEFAULT_FEATURES, discoverFeatures, keepsAttribute } from './scim-discovery';
import { SCIM_ENTERPRISE_USER_SCHEMA, SCIM_USER_SCHEMA, ScimApi } from './scim.types';

const narrowApp: ScimApi = {
  request: async (_method, path) => {
    switch (path) {
      case '/ServiceProviderConfig':
        return { patch: { supported: false }, etag: { supported: true }, filter: { supported: true, maxResults: 50 } };
      case '/ResourceTypes':
        return { Resources: [{ id: 'User', name: 'User', schema: SCIM_USER_SCHEMA, schemaExtensions: [] }] };
      case '/Schemas':
        return {
          Resources: [
            {
              id: SCIM_USER_SCHEMA,
              attributes: [{ name: 'userName' }, { name: 'name' }, { name: 'emails' }, { name: 'active' }],
            },
          ],
        };
      default:
        throw new Error(`unexpected ${path}`);
    }
  },
};

describe('discoverFeatures', () => {
  it('reads what the app supports from its discovery endpoints', async () => {
    const { userAttributes, ...features } = await discoverFeatures(narrowApp);
    expect(features).toEqual({ complete: true, patch: false, etag: true, maxResults: 50, enterpriseUser: false });
    expect([...(userAttributes ?? [])].sort()).toEqual(['active', 'emails', 'name', 'username']);
  });

  it('keeps only the attributes the app’s User schema defines, and the common ones', async () => {
    const features = await discoverFeatures(narrowApp);
    expect(keepsAttribute(features, 'title')).toBe(false);
    expect(keepsAttribute(features, 'name.givenName')).toBe(true);
    expect(keepsAttribute(features, 'externalId')).toBe(true);
    expect(keepsAttribute(features, `${SCIM_ENTERPRISE_USER_SCHEMA}:department`)).toBe(true);
    expect(keepsAttribute(DEFAULT_FEATURES, 'title')).toBe(true);
  });

  it('falls back to what every major app offers when discovery cannot be read, and says it is incomplete', async () => {
    const down: ScimApi = { request: () => Promise.reject(new ConnectorException('TEMPORARY', 'HTTP 503')) };
    expect(await discoverFeatures(down)).toEqual({ ...DEFAULT_FEATURES, complete: false });
  });
});
