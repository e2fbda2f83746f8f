import { BearerCredential } from '../src/connectors/bearer-credential';
import { ConnectorException } from '../src/connectors/connector.exception';
import { ScimClient } from '../src/connectors/drivers/scim/scim.client';
import { ScimConnector } from '../src/connectors/drivers/scim/scim.connector';
import { patchOp, ScimApi, ScimMethod } from '../src/connectors/drivers/scim/scim.types';
import { RunningScim2Server, startScim2Server } from './peers/scim2-server.fixture';

/**
 * Behaviour that needs an app with features the simulated apps do not offer:
 * scim2-server advertises ETags and enforces If-Match, and leaves the
 * read-only `groups` attribute out of users.
 */
let server: RunningScim2Server;

beforeAll(async () => {
  server = await startScim2Server();
}, 60_000);

afterAll(() => server?.stop());

const client = () =>
  new ScimClient({ baseUrl: server.baseUrl, credential: new BearerCredential(server.token), timeoutMs: 5000 });

/** Lets an administrator change the user in the app just before the connector's first write to it. */
class AdministratorInTheWay implements ScimApi {
  preconditionFailures = 0;
  private interfered = false;

  constructor(
    private readonly inner: ScimClient,
    private readonly administrator: ScimClient,
  ) {}

  async request(method: ScimMethod, path: string, body?: unknown, headers?: Record<string, string>) {
    if (method === 'PATCH' && path.startsWith('/Users/') && !this.interfered) {
      this.interfered = true;
      await this.administrator.request(
        'PATCH',
        path,
        patchOp({ op: 'replace', path: 'title', value: 'Set by an admin' }),
      );
    }
    try {
      return await this.inner.request(method, path, body, headers);
    } catch (error) {
      if (error instanceof ConnectorException && error.appStatus === 412) this.preconditionFailures += 1;
      throw error;
    }
  }
}

describe('the SCIM connector against scim2-server', () => {
  it('writes with If-Match, and after a 412 reads the user again instead of overwriting a concurrent change', async () => {
    const plain = new ScimConnector(client());
    const { externalId } = await plain.createAccount({
      employeeId: 'E9301',
      userName: 'etag.person@example.com',
      email: 'etag.person@example.com',
      givenName: 'Etag',
      familyName: 'Person',
      groups: [],
      active: true,
    });
    const api = new AdministratorInTheWay(client(), client());
    await new ScimConnector(api).disableAccount(externalId);

    expect(api.preconditionFailures).toBe(1);
    const user = (await client().request('GET', `/Users/${externalId}`)) as Record<string, unknown>;
    expect(user).toMatchObject({ active: false, title: 'Set by an admin' });
  });

  it("finds a user's groups although the app leaves them out of the user", async () => {
    const connector = new ScimConnector(client());
    const { externalId } = await connector.createAccount({
      employeeId: 'E9302',
      userName: 'groups.person@example.com',
      email: 'groups.person@example.com',
      givenName: 'Groups',
      familyName: 'Person',
      groups: ['interop-a'],
      active: true,
    });
    const user = (await client().request('GET', `/Users/${externalId}`)) as Record<string, unknown>;
    expect(user.groups).toBeUndefined();
    const { groups } = await connector.updateAccount(externalId, {
      profile: {},
      addGroups: ['interop-b'],
      removeGroups: [],
    });
    expect(groups).toEqual(['interop-a', 'interop-b']);
  });
});
