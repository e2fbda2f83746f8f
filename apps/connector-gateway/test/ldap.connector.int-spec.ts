import { Attribute, Change, Client, InvalidCredentialsError } from 'ldapts';
import { AppsConfig, parseYamlConfig } from '@tenure/config';
import { LAYOUT, RunningSlapd, startSlapd } from './peers/slapd.fixture';
import { authorized, GatewayUnderTest } from './gateway-under-test.fixture';

let slapd: RunningSlapd;
let gateway: GatewayUnderTest;

/** The gateway as configured for a directory in apps.yaml: connector ldap, basic auth with the bind DN. */
beforeAll(async () => {
  slapd = await startSlapd();
  const yaml = [
    'apps:',
    '  - id: directory',
    '    displayName: Directory',
    '    connector: ldap',
    '    ldap:',
    `      url: ${slapd.url}`,
    `      usersDn: "${LAYOUT.usersDn}"`,
    `      groupsDn: "${LAYOUT.groupsDn}"`,
    `      disabledUsersDn: "${LAYOUT.disabledUsersDn}"`,
    `    auth: { type: basic, username: "${slapd.adminDn}", passwordEnv: DIRECTORY_PASSWORD }`,
    '  - id: locked',
    '    displayName: Locked',
    '    connector: ldap',
    '    ldap:',
    `      url: ${slapd.url}`,
    `      usersDn: "${LAYOUT.usersDn}"`,
    `      groupsDn: "${LAYOUT.groupsDn}"`,
    `      disabledUsersDn: "${LAYOUT.disabledUsersDn}"`,
    `    auth: { type: basic, username: "${slapd.adminDn}", passwordEnv: WRONG_PASSWORD }`,
  ].join('\n');
  const env = { DIRECTORY_PASSWORD: slapd.adminPassword, WRONG_PASSWORD: 'not-the-directory-password' };
  const { apps } = parseYamlConfig('apps.yaml', yaml, AppsConfig, env);
  gateway = await GatewayUnderTest.start(apps, env);
}, 60_000);

afterAll(async () => {
  await gateway?.close();
  await slapd?.stop();
});

const api = () => gateway.api();
const grace = {
  employeeId: 'E8001',
  userName: 'grace.hopper',
  email: 'grace.hopper@example.com',
  givenName: 'Grace',
  familyName: 'Hopper',
  department: 'Navy',
  groups: ['engineering'],
};

async function asAdmin<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ url: slapd.url });
  await client.bind(slapd.adminDn, slapd.adminPassword);
  try {
    return await work(client);
  } finally {
    await client.unbind();
  }
}

/** Binds as the person with their password, as any application that authenticates against the directory would. */
async function canBind(dn: string, password: string): Promise<boolean> {
  const client = new Client({ url: slapd.url });
  try {
    await client.bind(dn, password);
    return true;
  } catch (error) {
    if (error instanceof InvalidCredentialsError) return false;
    throw error;
  } finally {
    await client.unbind().catch(() => undefined);
  }
}

describe('the LDAP connector against a real slapd', () => {
  const activeDn = `uid=grace.hopper,${LAYOUT.usersDn}`;
  const disabledDn = `uid=grace.hopper,${LAYOUT.disabledUsersDn}`;
  const password = 'grace-own-password-1906';
  let externalId: string;

  it('creates an inetOrgPerson entry and its group membership through the gateway', async () => {
    const { body } = await api().post('/v1/apps/directory/accounts').set(authorized).send(grace).expect(200);
    expect(body).toMatchObject({
      status: 'active',
      created: true,
      externalId: expect.stringMatching(/^[0-9a-f-]{36}$/),
    });
    externalId = body.externalId;
    const entry = await asAdmin(async (client) => (await client.search(activeDn, { scope: 'base' })).searchEntries[0]);
    expect(entry).toMatchObject({ uid: 'grace.hopper', mail: 'grace.hopper@example.com', employeeNumber: 'E8001' });
    const group = await asAdmin(
      async (client) => (await client.search(`cn=engineering,${LAYOUT.groupsDn}`, { scope: 'base' })).searchEntries[0],
    );
    expect(group.member).toBe(activeDn);

    // The person sets a password, as they would on their first day.
    await asAdmin((client) =>
      client.modify(
        activeDn,
        new Change({ operation: 'replace', modification: new Attribute({ type: 'userPassword', values: [password] }) }),
      ),
    );
    expect(await canBind(activeDn, password)).toBe(true);
  });

  it('disables the account so that its bind really fails, and enables it again', async () => {
    await api().post(`/v1/apps/directory/accounts/${externalId}/disable`).set(authorized).expect(200);
    expect(await canBind(disabledDn, password)).toBe(false);
    expect(await canBind(activeDn, password)).toBe(false);
    const group = await asAdmin(
      async (client) => (await client.search(`cn=engineering,${LAYOUT.groupsDn}`, { scope: 'base' })).searchEntries[0],
    );
    expect(group.member).toBe(disabledDn);

    await api().post(`/v1/apps/directory/accounts/${externalId}/enable`).set(authorized).expect(200);
    expect(await canBind(activeDn, password)).toBe(true);
  });

  it('adds a person prepared ahead of their start straight under the disabled container, and keeps them there', async () => {
    const ada = { ...grace, employeeId: 'E8002', userName: 'ada.lovelace', email: 'ada@example.com', active: false };
    const preparedDn = `uid=ada.lovelace,${LAYOUT.disabledUsersDn}`;
    const first = await api().post('/v1/apps/directory/accounts').set(authorized).send(ada).expect(200);
    expect(first.body).toMatchObject({ status: 'disabled', created: true });
    const again = await api().post('/v1/apps/directory/accounts').set(authorized).send(ada).expect(200);
    expect(again.body).toMatchObject({ externalId: first.body.externalId, status: 'disabled', created: false });
    const where = await asAdmin(async (client) => ({
      prepared: (await client.search(preparedDn, { scope: 'base' })).searchEntries.length,
      active: (await client.search(LAYOUT.usersDn, { scope: 'sub', filter: '(uid=ada.lovelace)' })).searchEntries
        .length,
      members: (await client.search(`cn=engineering,${LAYOUT.groupsDn}`, { scope: 'base' })).searchEntries[0].member,
    }));
    expect(where).toMatchObject({ prepared: 1, active: 0 });
    expect([where.members].flat()).toContain(preparedDn);

    await api().post(`/v1/apps/directory/accounts/${first.body.externalId}/enable`).set(authorized).expect(200);
    const enabled = await asAdmin(
      async (client) =>
        (await client.search(`uid=ada.lovelace,${LAYOUT.usersDn}`, { scope: 'base' })).searchEntries.length,
    );
    expect(enabled).toBe(1);
  });

  it('declares no session revocation or ownership transfer, and says so with 422 NOT_SUPPORTED', async () => {
    const { body } = await api().get('/v1/apps').set(authorized).expect(200);
    const directory = body.apps.find((app: { appId: string }) => app.appId === 'directory');
    expect(directory).toMatchObject({ kind: 'ldap', health: { circuit: 'closed' } });
    expect(directory.capabilities).not.toContain('revoke_sessions');
    const refused = await api()
      .post(`/v1/apps/directory/accounts/${externalId}/revoke-sessions`)
      .set(authorized)
      .expect(422);
    expect(refused.body.error).toMatchObject({ code: 'NOT_SUPPORTED', retryable: false });
  });

  it('answers 502 UNAUTHORIZED when the directory refuses the bind DN and password', async () => {
    const { body } = await api()
      .post('/v1/apps/locked/accounts')
      .set(authorized)
      .send({ ...grace, employeeId: 'E8002' })
      .expect(502);
    expect(body.error).toMatchObject({ code: 'UNAUTHORIZED', retryable: false });
    expect(JSON.stringify(body)).not.toContain('not-the-directory-password');
  });

  it('deletes the entry and its memberships; a second delete answers deleted: false', async () => {
    await api()
      .delete(`/v1/apps/directory/accounts/${externalId}`)
      .set(authorized)
      .expect(200, { appId: 'directory', externalId, status: 'deleted', deleted: true });
    await api().delete(`/v1/apps/directory/accounts/${externalId}`).set(authorized).expect(200);
    const remaining = await asAdmin(
      async (client) => (await client.search(LAYOUT.usersDn, { filter: '(uid=grace.hopper)' })).searchEntries,
    );
    expect(remaining).toEqual([]);
    expect(await canBind(activeDn, password)).toBe(false);
  });
});
