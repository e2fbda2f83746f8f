import { FakeInbox, shippedSources } from '../../test/fake-inbox';
import { ScimBulkService } from './scim-bulk.service';
import { ScimException } from './scim-error';
import { SCIM_BULK_REQUEST, SCIM_CORE_USER, SCIM_ENTERPRISE_USER, SCIM_PATCH_OP } from './scim-schemas';
import { ScimUsersService } from './scim-users.service';

/** A user as Microsoft Entra's API-driven inbound provisioning sends it in a Bulk request. */
function entraUser(employeeNumber: string, overrides: Record<string, unknown> = {}) {
  return {
    schemas: [SCIM_CORE_USER, SCIM_ENTERPRISE_USER],
    externalId: employeeNumber,
    userName: `${employeeNumber.toLowerCase()}@example.com`,
    name: { formatted: 'Katherine Johnson', familyName: 'Johnson', givenName: 'Katherine' },
    displayName: 'Katherine Johnson',
    userType: 'Employee',
    title: 'Research Mathematician',
    active: true,
    emails: [{ value: `${employeeNumber.toLowerCase()}@example.com`, type: 'work', primary: true }],
    addresses: [{ type: 'work', streetAddress: '1 Langley Blvd', locality: 'Hampton', country: 'US' }],
    [SCIM_ENTERPRISE_USER]: {
      employeeNumber,
      department: 'Research',
      manager: { value: 'NASA-0001' },
    },
    ...overrides,
  };
}

const bulk = (operations: object[], failOnErrors?: number) => ({
  schemas: [SCIM_BULK_REQUEST],
  Operations: operations,
  ...(failOnErrors ? { failOnErrors } : {}),
});

describe('SCIM inbound provisioning', () => {
  let inbox: FakeInbox;
  let users: ScimUsersService;
  let bulkService: ScimBulkService;

  beforeEach(() => {
    inbox = new FakeInbox();
    users = new ScimUsersService(inbox.asService(), shippedSources());
    bulkService = new ScimBulkService(users);
  });

  it('maps core and enterprise attributes of a created user onto a hire', async () => {
    const outcome = await users.create(entraUser('NASA-0042'));
    expect(outcome).toMatchObject({ status: 201, id: 'NASA-0042' });
    expect(inbox.accepted[0]).toMatchObject({
      source: 'scim',
      type: 'hire',
      employee: {
        employeeId: 'NASA-0042',
        email: 'nasa-0042@example.com',
        givenName: 'Katherine',
        familyName: 'Johnson',
        department: 'Research',
        title: 'Research Mathematician',
        location: 'Hampton',
        managerId: 'NASA-0001',
        employmentType: 'employee',
      },
    });
  });

  it('answers each Bulk operation with its own status and resolves bulkId references', async () => {
    const response = await bulkService.apply(
      bulk([
        { method: 'POST', bulkId: 'k1', path: '/Users', data: entraUser('NASA-0042') },
        {
          method: 'PATCH',
          path: '/Users/bulkId:k1',
          data: { schemas: [SCIM_PATCH_OP], Operations: [{ op: 'replace', path: 'title', value: 'Flight Engineer' }] },
        },
        { method: 'POST', bulkId: 'k2', path: '/Users', data: entraUser('NASA-0043', { userName: 42 }) },
        { method: 'POST', bulkId: 'k3', path: '/Users', data: entraUser('NASA-0044', { userType: 'Contingent' }) },
        { method: 'DELETE', path: '/Users/NASA-9999' },
      ]),
      'https://tenure.example.com/scim/v2',
    );
    expect(response.Operations.map((op) => [op.method, op.bulkId, op.status])).toEqual([
      ['POST', 'k1', '201'],
      ['PATCH', undefined, '200'],
      ['POST', 'k2', '400'],
      ['POST', 'k3', '201'],
      ['DELETE', undefined, '404'],
    ]);
    expect(response.Operations[0].location).toBe('https://tenure.example.com/scim/v2/Users/NASA-0042');
    expect(response.Operations[2].response).toMatchObject({ scimType: 'invalidValue', status: '400' });
    expect(inbox.accepted.map((e) => [e.employee.employeeId, e.type])).toEqual([
      ['NASA-0042', 'hire'],
      ['NASA-0042', 'change'],
      ['NASA-0044', 'hire'],
    ]);
    expect(inbox.accepted[1].employee.title).toBe('Flight Engineer');
    expect(inbox.accepted[2].employee.employmentType).toBe('contractor');
  });

  it('stops after failOnErrors failures', async () => {
    const response = await bulkService.apply(
      bulk(
        [
          { method: 'DELETE', path: '/Users/NASA-1' },
          { method: 'POST', bulkId: 'k1', path: '/Users', data: entraUser('NASA-0042') },
        ],
        1,
      ),
      '',
    );
    expect(response.Operations.map((op) => op.status)).toEqual(['404']);
    expect(inbox.accepted).toHaveLength(0);
  });

  it('terminates on active=false, rehires on active=true, and terminates again', async () => {
    await users.create(entraUser('NASA-0042'));
    const deactivate = { schemas: [SCIM_PATCH_OP], Operations: [{ op: 'replace', path: 'active', value: false }] };
    const activate = { schemas: [SCIM_PATCH_OP], Operations: [{ op: 'replace', path: 'active', value: true }] };
    await users.patch('NASA-0042', deactivate);
    await users.patch('NASA-0042', activate);
    await users.patch('NASA-0042', deactivate);
    expect(inbox.accepted.map((e) => e.type)).toEqual(['hire', 'terminate', 'rehire', 'terminate']);
  });

  it('answers a repeated request as before without a second event', async () => {
    const first = await users.create(entraUser('NASA-0042'));
    const again = await users.create(entraUser('NASA-0042'));
    expect([first.status, again.status]).toEqual([201, 200]);
    expect(again.resource).toEqual(first.resource);
    expect(inbox.accepted).toHaveLength(1);
  });

  it('refuses a user without the fields Tenure needs, naming the SCIM attribute', async () => {
    const noEmail = entraUser('NASA-0042', { userName: 'kjohnson', emails: undefined });
    await expect(users.create(noEmail)).rejects.toThrow(ScimException);
    await users.create(noEmail).catch((error: ScimException) =>
      expect(error.getResponse()).toMatchObject({
        status: '400',
        scimType: 'invalidValue',
        detail: 'emails: emails is required',
      }),
    );
  });
});
