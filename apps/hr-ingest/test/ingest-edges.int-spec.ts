import { createHmac } from 'node:crypto';
import { employeeFixture, signWebhook, uniqueId } from '@tenure/testing';
import { InProcessIngest, startInProcessIngest } from './in-process-ingest';

const NEW_SECRET = 'the-new-generic-secret-0001';
const OLD_SECRET = 'the-old-generic-secret-0001';
const BAMBOO_SECRET = 'the-bamboohr-private-key-01';
const SCIM_TOKEN = 'the-new-scim-token-00000001';
const OLD_SCIM_TOKEN = 'the-old-scim-token-00000001';
const IMPORT_TOKEN = 'the-import-token-0000000001';

const SOURCES = `
limits:
  maxBodyBytes: 4096
  maxCsvBytes: 2048
sources:
  generic:
    rateLimit: { requests: 6, perSeconds: 60 }
  bamboohr:
    rateLimit: { requests: 3, perSeconds: 60 }
    mapping:
      fields: { employeeNumber: employeeId, workEmail: email, firstName: givenName, lastName: familyName }
  scim: {}
  csv:
    mapping:
      fields: { employee_id: employeeId, email: email, first_name: givenName, last_name: familyName }
`;

/** Secrets in rotation, rate limits and size limits, on an hr-ingest configured for the purpose. */
describe('hr-ingest at its edges', () => {
  let ingest: InProcessIngest;

  beforeAll(async () => {
    ingest = await startInProcessIngest({
      sourcesYaml: SOURCES,
      env: {
        TENURE_WEBHOOK_SECRET_GENERIC: NEW_SECRET,
        TENURE_WEBHOOK_SECRET_GENERIC_PREVIOUS: OLD_SECRET,
        TENURE_WEBHOOK_SECRET_BAMBOOHR: BAMBOO_SECRET,
        TENURE_SCIM_TOKEN: SCIM_TOKEN,
        TENURE_SCIM_TOKEN_PREVIOUS: OLD_SCIM_TOKEN,
        TENURE_IMPORT_TOKEN: IMPORT_TOKEN,
      },
    });
  });

  afterAll(async () => {
    await ingest?.close();
  });

  async function postGeneric(secret: string, payload: unknown = hire()): Promise<Response> {
    const signed = signWebhook(secret, payload);
    return fetch(`${ingest.url}/v1/events/generic`, { method: 'POST', headers: signed.headers, body: signed.body });
  }

  function hire() {
    return { eventId: uniqueId('evt-edge'), type: 'hire', employee: employeeFixture() };
  }

  function bambooDelivery(): { body: string; headers: Record<string, string> } {
    const body = JSON.stringify({
      employees: [
        {
          id: uniqueId('b'),
          action: 'Created',
          fields: {
            employeeNumber: uniqueId('BHR'),
            workEmail: 'grace@example.com',
            firstName: 'Grace',
            lastName: 'Hopper',
          },
        },
      ],
    });
    const timestamp = String(Math.floor(Date.now() / 1000));
    const signature = createHmac('sha256', BAMBOO_SECRET).update(body).update(timestamp).digest('hex');
    return {
      body,
      headers: {
        'content-type': 'application/json',
        'x-bamboohr-timestamp': timestamp,
        'x-bamboohr-signature': signature,
      },
    };
  }

  describe('secret rotation', () => {
    it('accepts webhooks signed with the current and with the previous secret, and refuses a third', async () => {
      expect((await postGeneric(NEW_SECRET)).status).toBe(202);
      expect((await postGeneric(OLD_SECRET)).status).toBe(202);
      const third = await postGeneric('a-third-secret-nobody-knows');
      expect(third.status).toBe(401);
      expect(await third.json()).toEqual({ error: 'unauthorized', message: 'signature does not match' });
    });

    it('accepts the current and the previous SCIM token, and refuses a third', async () => {
      const get = (token: string) =>
        fetch(`${ingest.url}/scim/v2/ServiceProviderConfig`, { headers: { authorization: `Bearer ${token}` } });
      expect((await get(SCIM_TOKEN)).status).toBe(200);
      expect((await get(OLD_SCIM_TOKEN)).status).toBe(200);
      expect((await get('a-third-token-nobody-knows')).status).toBe(401);
    });
  });

  it('limits each source to its configured rate and says when to come back', async () => {
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    for (let n = 0; n < 4; n++) {
      const delivery = bambooDelivery();
      const response = await fetch(`${ingest.url}/v1/events/bamboohr`, { method: 'POST', ...delivery });
      statuses.push(response.status);
      if (response.status === 429) retryAfter = response.headers.get('retry-after');
    }
    expect(statuses).toEqual([202, 202, 202, 429]);
    expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);
    expect(Number(retryAfter)).toBeLessThanOrEqual(60);
    // Other sources have their own budget.
    expect((await postGeneric(NEW_SECRET)).status).toBe(202);
  });

  it('counts only authenticated requests against a source: a flood of unsigned ones leaves its quota alone', async () => {
    const unsigned = Array.from({ length: 60 }, () =>
      fetch(`${ingest.url}/v1/events/generic`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(hire()),
      }).then((response) => response.status),
    );
    const forged = Array.from({ length: 20 }, () => postGeneric('a-secret-nobody-was-given').then((r) => r.status));
    const statuses = await Promise.all([...unsigned, ...forged]);
    expect(new Set(statuses)).toEqual(new Set([401]));
    // 80 refusals against a quota of 6 a minute, of which earlier tests used 3.
    expect((await postGeneric(NEW_SECRET)).status).toBe(202);
  });

  it('refuses bodies over the size limit with 413', async () => {
    const big = { ...hire(), employee: { ...employeeFixture(), title: 'x'.repeat(5_000) } };
    const webhook = await postGeneric(NEW_SECRET, big);
    expect(webhook.status).toBe(413);

    const bulk = await fetch(`${ingest.url}/scim/v2/Bulk`, {
      method: 'POST',
      headers: { 'content-type': 'application/scim+json', authorization: `Bearer ${SCIM_TOKEN}` },
      body: JSON.stringify({ schemas: ['urn:ietf:params:scim:api:messages:2.0:BulkRequest'], pad: 'x'.repeat(5_000) }),
    });
    expect(bulk.status).toBe(413);
    expect(await bulk.json()).toMatchObject({ status: '413', detail: 'body is too large' });

    const rows = ['employee_id,email,first_name,last_name'];
    for (let n = 0; rows.join('\n').length < 3_000; n++) rows.push(`E-big-${n},e${n}@example.com,A,B`);
    const csv = await fetch(`${ingest.url}/v1/imports/csv`, {
      method: 'POST',
      headers: { 'content-type': 'text/csv', authorization: `Bearer ${IMPORT_TOKEN}` },
      body: rows.join('\n'),
    });
    expect(csv.status).toBe(413);
  });

  it('refuses other content types with 415', async () => {
    const signed = signWebhook(NEW_SECRET, hire());
    const response = await fetch(`${ingest.url}/v1/events/generic`, {
      method: 'POST',
      headers: { ...signed.headers, 'content-type': 'text/plain' },
      body: signed.body,
    });
    expect(response.status).toBe(415);
    const csv = await fetch(`${ingest.url}/v1/imports/csv`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${IMPORT_TOKEN}` },
      body: '{}',
    });
    expect(csv.status).toBe(415);
  });
});

/** The generous pre-authentication limit per client address turns a flood away before its signature is checked. */
describe('hr-ingest before authentication', () => {
  let ingest: InProcessIngest;

  beforeAll(async () => {
    ingest = await startInProcessIngest({
      sourcesYaml: `
limits:
  perClient: { requests: 5, perSeconds: 60 }
sources:
  generic: {}
`,
      env: { TENURE_WEBHOOK_SECRET_GENERIC: NEW_SECRET },
    });
  });

  afterAll(async () => {
    await ingest?.close();
  });

  it('answers 429 with Retry-After to a client address beyond limits.perClient, signed or not', async () => {
    const post = (headers: Record<string, string>, body: string) =>
      fetch(`${ingest.url}/v1/events/generic`, { method: 'POST', headers, body });
    const statuses: number[] = [];
    for (let n = 0; n < 5; n++) statuses.push((await post({ 'content-type': 'application/json' }, '{}')).status);
    const signed = signWebhook(NEW_SECRET, {
      eventId: uniqueId('evt-edge'),
      type: 'hire',
      employee: employeeFixture(),
    });
    const refused = await post(signed.headers, signed.body);
    expect(statuses).toEqual([401, 401, 401, 401, 401]);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
  });
});
