import { CreateAccountRequest } from '../../connector';
import { ConnectorException } from '../../connector.exception';
import { ScimConnector } from './scim.connector';
import {
  SCIM_ENTERPRISE_USER_SCHEMA,
  ScimApi,
  ScimGroup,
  ScimMethod,
  ScimPatchOperation,
  ScimUser,
} from './scim.types';

/**
 * A small in-memory SCIM app: just enough of Users, Groups and
 * ServiceProviderConfig for the connector's decisions. The real protocol is
 * covered by the integration tests against saas-sim.
 */
class FakeScimApp implements ScimApi {
  users: ScimUser[] = [];
  groups: ScimGroup[] = [];
  patchSupported = true;
  /** Lookups that miss on purpose: replays a race where another request creates the user meanwhile. */
  blindLookups = 0;
  writes: string[] = [];
  /** Every request to Users and Groups, reads included. */
  requests: string[] = [];
  private sequence = 0;

  async request(method: ScimMethod, path: string, body?: unknown): Promise<unknown> {
    const [, resource, rest = ''] = /^\/(\w+)(.*)$/.exec(path) ?? [];
    if (method !== 'GET') this.writes.push(`${method} /${resource}`);
    if (resource === 'Users' || resource === 'Groups')
      this.requests.push(`${method} /${resource}${rest.startsWith('?') ? '?' : ''}`);
    if (resource === 'ServiceProviderConfig') return { patch: { supported: this.patchSupported } };
    const store: (ScimUser | ScimGroup)[] = resource === 'Users' ? this.users : this.groups;
    if (rest.startsWith('?filter=')) return { Resources: this.filter(store, decodeURIComponent(rest.slice(8))) };
    const id = decodeURIComponent(rest.slice(1));
    switch (method) {
      case 'GET':
        return this.find(store, id);
      case 'POST':
        return this.create(resource, body as Record<string, unknown>);
      case 'PATCH':
        return this.patch(this.find(store, id), (body as { Operations: ScimPatchOperation[] }).Operations);
      case 'PUT':
        return Object.assign(this.find(store, id), body as object);
      default:
        throw new Error(`unexpected ${method} ${path}`);
    }
  }

  private filter(store: (ScimUser | ScimGroup)[], filter: string): unknown[] {
    const [, attribute, quoted] = /^(\w+) eq (".*")$/.exec(filter) ?? [];
    if (this.blindLookups > 0 && store === this.users) {
      this.blindLookups -= 1;
      return [];
    }
    const wanted = JSON.parse(quoted) as string;
    const exact = attribute === 'externalId';
    return store.filter((item) => {
      const value = item[attribute];
      return typeof value === 'string' && (exact ? value === wanted : value.toLowerCase() === wanted.toLowerCase());
    });
  }

  private find<T extends { id: string }>(store: T[], id: string): T {
    const found = store.find((item) => item.id === id);
    if (!found) throw new ConnectorException('NOT_FOUND', `${id} not found`);
    return found;
  }

  private create(resource: string, body: Record<string, unknown>): unknown {
    this.sequence += 1;
    if (resource === 'Users') {
      if (this.users.some((user) => user.userName.toLowerCase() === String(body.userName).toLowerCase())) {
        throw new ConnectorException('CONFLICT', 'uniqueness');
      }
      const user = { ...body, id: `user-${this.sequence}` } as ScimUser;
      this.users.push(user);
      return user;
    }
    if (this.groups.some((group) => group.displayName === body.displayName))
      throw new ConnectorException('CONFLICT', 'uniqueness');
    const group = { ...body, id: `group-${this.sequence}` } as ScimGroup;
    this.groups.push(group);
    return group;
  }

  private patch(target: ScimUser | ScimGroup, operations: ScimPatchOperation[]): unknown {
    for (const { op, path, value } of operations) {
      if (op === 'add' && path === 'members') {
        const group = target as ScimGroup;
        group.members = [...(group.members ?? []), ...(value as { value: string }[])];
      } else if (op === 'replace' && path) {
        target[path] = value;
      }
    }
    return target;
  }

  group(displayName: string): ScimGroup | undefined {
    return this.groups.find((group) => group.displayName === displayName);
  }
}

const ada: CreateAccountRequest = {
  employeeId: 'E1001',
  userName: 'ada.lovelace@example.com',
  email: 'ada.lovelace@example.com',
  givenName: 'Ada',
  familyName: 'Lovelace',
  department: 'Engineering',
  managerId: 'E1000',
  groups: [],
  active: true,
};

describe('ScimConnector', () => {
  let app: FakeScimApp;
  let connector: ScimConnector;

  beforeEach(() => {
    app = new FakeScimApp();
    connector = new ScimConnector(app);
  });

  describe('createAccount', () => {
    it("creates the person's account with their employeeId and their manager's account", async () => {
      app.users.push({ id: 'boss', userName: 'boss@example.com', externalId: 'E1000', active: true });
      const result = await connector.createAccount(ada);

      expect(result.created).toBe(true);
      const user = app.users.find((candidate) => candidate.id === result.externalId);
      expect(user).toMatchObject({
        externalId: 'E1001',
        userName: ada.userName,
        active: true,
        displayName: 'Ada Lovelace',
      });
      expect(user?.[SCIM_ENTERPRISE_USER_SCHEMA]).toEqual({
        employeeNumber: 'E1001',
        department: 'Engineering',
        manager: { value: 'boss' },
      });
    });

    it('answers the same account, not a second one, when called again', async () => {
      const first = await connector.createAccount(ada);
      const second = await connector.createAccount(ada);
      expect(second).toEqual({ externalId: first.externalId, created: false });
      expect(app.users).toHaveLength(1);
    });

    it('links an account found by userName that no one owns yet', async () => {
      app.users.push({ id: 'legacy', userName: 'Ada.Lovelace@example.com', active: true });
      expect(await connector.createAccount(ada)).toEqual({ externalId: 'legacy', created: false });
      expect(app.users).toEqual([expect.objectContaining({ id: 'legacy', externalId: 'E1001' })]);
    });

    it("never hands over an account that belongs to someone else's employeeId", async () => {
      app.users.push({ id: 'other', userName: ada.userName, externalId: 'E0042', active: true });
      await expect(connector.createAccount(ada)).rejects.toMatchObject({ code: 'CONFLICT' });
      expect(app.users).toHaveLength(1);
    });

    it('re-activates a disabled account instead of creating one', async () => {
      app.users.push({ id: 'old', userName: ada.userName, externalId: 'E1001', active: false });
      expect(await connector.createAccount(ada)).toEqual({ externalId: 'old', created: false });
      expect(app.users[0].active).toBe(true);
    });

    it('creates a prepared account disabled in its one POST, and never switches it on when called again', async () => {
      const prepared = { ...ada, active: false, groups: ['all-staff'] };
      const { externalId } = await connector.createAccount(prepared);
      expect(app.users).toEqual([expect.objectContaining({ id: externalId, active: false })]);
      const userWrites = () => app.writes.filter((write) => write.endsWith('/Users'));
      expect(userWrites()).toEqual(['POST /Users']);

      app.writes = [];
      expect(await connector.createAccount(prepared)).toEqual({ externalId, created: false });
      expect(userWrites()).toEqual([]);
      expect(app.users[0].active).toBe(false);
    });

    it('leaves an account linked after a 409 as the request asks: a prepared one stays disabled', async () => {
      app.users.push({ id: 'raced', userName: ada.userName, externalId: 'E1001', active: false });
      app.blindLookups = 3;
      expect(await connector.createAccount({ ...ada, active: false })).toEqual({ externalId: 'raced', created: false });
      expect(app.users).toEqual([expect.objectContaining({ id: 'raced', active: false })]);
      expect(app.writes.filter((write) => write.startsWith('PATCH'))).toEqual([]);
    });

    it('disables an active account found for a person prepared ahead of their start', async () => {
      app.users.push({ id: 'legacy', userName: ada.userName, active: true });
      expect(await connector.createAccount({ ...ada, active: false })).toEqual({
        externalId: 'legacy',
        created: false,
      });
      expect(app.users[0]).toMatchObject({ externalId: 'E1001', active: false });
    });

    it('links the account another request created in between (409 on create)', async () => {
      app.users.push({ id: 'raced', userName: ada.userName, externalId: 'E1001', active: true });
      app.blindLookups = 3; // by externalId, by userName, and the manager
      expect(await connector.createAccount(ada)).toEqual({ externalId: 'raced', created: false });
      expect(app.users).toHaveLength(1);
    });

    it('passes on a 409 it cannot explain', async () => {
      app.users.push({ id: 'raced', userName: ada.userName, externalId: 'E1001', active: true });
      app.blindLookups = 5;
      await expect(connector.createAccount(ada)).rejects.toMatchObject({ code: 'CONFLICT' });
    });

    // The reason reaches the audit record: it names employee ids, never the e-mail address in the userName.
    it("refuses another person's userName with a reason naming ids only", async () => {
      app.users.push({ id: 'theirs', userName: ada.userName, externalId: 'E2002', active: true });
      const refusal = connector.createAccount(ada);

      await expect(refusal).rejects.toMatchObject({
        code: 'CONFLICT',
        message: 'the userName of employee E1001 belongs to another person in the app (externalId E2002)',
      });
    });

    it('refuses a userName the app holds twice without naming it', async () => {
      app.users.push({ id: 'one', userName: ada.userName, active: true });
      app.users.push({ id: 'two', userName: ada.userName.toUpperCase(), active: true });

      await expect(connector.createAccount(ada)).rejects.toMatchObject({
        code: 'CONFLICT',
        message: 'the app holds 2 accounts with the same userName',
      });
    });

    it('ensures each group membership once, creating a missing group', async () => {
      app.groups.push({ id: 'eng', displayName: 'engineering', members: [] });
      const request = { ...ada, groups: ['all-staff', 'engineering', 'engineering'] };
      const { externalId } = await connector.createAccount(request);
      await connector.createAccount(request);

      expect(app.group('all-staff')?.members).toEqual([{ value: externalId }]);
      expect(app.group('engineering')?.members).toEqual([{ value: externalId }]);
      expect(app.groups).toHaveLength(2);
    });

    it('hires with one look-up, the POST and one PATCH per group it already knows', async () => {
      app.groups.push({ id: 'eng', displayName: 'engineering', members: [] });
      await connector.createAccount({
        ...ada,
        managerId: undefined,
        employeeId: 'E1',
        userName: 'one@example.com',
        groups: ['Engineering'],
      });
      app.requests = [];
      const { externalId } = await connector.createAccount({
        ...ada,
        managerId: undefined,
        employeeId: 'E2',
        userName: 'two@example.com',
        groups: ['engineering'],
      });
      expect(app.requests).toEqual(['GET /Users?', 'POST /Users', 'PATCH /Groups']);
      expect(app.group('engineering')?.members?.map((member) => member.value)).toContain(externalId);
    });

    it('looks a known group up again when the app no longer has it', async () => {
      app.groups.push({ id: 'eng', displayName: 'engineering', members: [] });
      await connector.createAccount({
        ...ada,
        managerId: undefined,
        employeeId: 'E1',
        userName: 'one@example.com',
        groups: ['engineering'],
      });
      app.groups = [{ id: 'eng-2', displayName: 'engineering', members: [] }];
      const { externalId } = await connector.createAccount({
        ...ada,
        managerId: undefined,
        employeeId: 'E2',
        userName: 'two@example.com',
        groups: ['engineering'],
      });
      expect(app.group('engineering')?.members).toEqual([{ value: externalId }]);
    });
  });

  describe('disableAccount', () => {
    it('sets active to false with one PATCH and nothing else, and a repeat leaves the account disabled', async () => {
      app.users.push({ id: 'u1', userName: ada.userName, active: true });
      await connector.disableAccount('u1');
      expect(app.users[0].active).toBe(false);
      expect(app.requests).toEqual(['PATCH /Users']);

      app.requests = [];
      await connector.disableAccount('u1');
      expect(app.users[0].active).toBe(false);
      expect(app.requests).toEqual(['PATCH /Users']);
    });

    it('does not count a disable as done when the app answers that the account is still active', async () => {
      const stubborn: ScimApi = {
        request: async (_method, path) =>
          path === '/ServiceProviderConfig'
            ? { patch: { supported: true } }
            : { id: 'u1', userName: 'ada', active: true },
      };
      await expect(new ScimConnector(stubborn).disableAccount('u1')).rejects.toMatchObject({
        code: 'TEMPORARY',
        message: 'the app still shows the account as active',
      });
    });

    it('reads the user first, and leaves a disabled account alone, where the app offers ETags', async () => {
      const calls: string[] = [];
      const versioned: ScimApi = {
        request: async (method, path) => {
          calls.push(`${method} ${path}`);
          if (path === '/ServiceProviderConfig') return { patch: { supported: true }, etag: { supported: true } };
          return { id: 'u1', userName: 'ada', active: false, meta: { version: 'W/"1"' } };
        },
      };
      await new ScimConnector(versioned).disableAccount('u1');
      expect(calls.filter((call) => call.includes('/Users'))).toEqual(['GET /Users/u1']);
    });

    it('replaces the whole user with PUT when the app does not support PATCH', async () => {
      app.patchSupported = false;
      app.users.push({ id: 'u1', userName: ada.userName, title: 'Engineer', active: true });
      await connector.disableAccount('u1');
      expect(app.writes).toEqual(['PUT /Users']);
      expect(app.users[0]).toMatchObject({ title: 'Engineer', active: false });
    });

    it('reports an unknown account as NOT_FOUND', async () => {
      await expect(connector.disableAccount('ghost')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    });
  });

  it('treats an answer that is not SCIM as a passing fault', async () => {
    const broken: ScimApi = { request: async () => ({ hello: 'proxy page' }) };
    await expect(new ScimConnector(broken).disableAccount('u1')).rejects.toMatchObject({ code: 'TEMPORARY' });
  });
});
