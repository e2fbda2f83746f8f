import { createHmac } from 'node:crypto';
import { connect } from 'node:net';
import fc from 'fast-check';
import { requiredEnv, signWebhook } from '@tenure/testing';
import { mutated } from './fuzz-values';
import { IngestClient } from './ingest-client';

/**
 * Thousands of malformed bodies and headers thrown at every hr-ingest
 * endpoint of the running service: each gets a 4xx (or a 2xx when the
 * mutation happened to leave it valid), never a 5xx. Valid-looking templates
 * describe leavers Tenure never hired, so what gets through changes no account.
 */
describe('hr-ingest under malformed input', () => {
  const ingest = new IngestClient();
  const genericSecret = requiredEnv('TENURE_WEBHOOK_SECRET_GENERIC');
  const scimToken = requiredEnv('TENURE_SCIM_TOKEN');
  const importToken = requiredEnv('TENURE_IMPORT_TOKEN');

  async function send(path: string, method: string, headers: Record<string, string>, body?: string): Promise<number> {
    const response = await fetch(`${ingest.url}${path}`, { method, headers, body });
    await response.arrayBuffer();
    return response.status;
  }

  const CONTENT_TYPES = [
    'application/json',
    'application/scim+json',
    'text/csv',
    'text/plain',
    'application/x-www-form-urlencoded',
    'application/json; charset=utf-16',
    'application/json; charset=latin1',
    'multipart/form-data; boundary=x',
    '*/*',
  ];
  const contentType = fc.oneof(fc.constantFrom(...CONTENT_TYPES), fc.stringMatching(/^[ -~]{0,40}$/));
  const headerValue = fc.stringMatching(/^[ -~]{0,80}$/);

  const anyBody = (template: Record<string, unknown>) =>
    fc.oneof(
      { weight: 4, arbitrary: mutated(template) },
      { weight: 2, arbitrary: fc.json() },
      { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 300 }) },
      { weight: 1, arbitrary: fc.constantFrom('', '{', '[]', 'null', '{"employees":{}}', '\u0000', '{"a":"\\u0000"}') },
    );

  const leaver = (employeeId: string) => ({
    eventId: `evt-fuzz-${employeeId}`,
    type: 'leave_end',
    effectiveAt: '2026-12-01T09:00:00+01:00',
    employee: {
      employeeId,
      email: 'fuzz@example.com',
      givenName: 'Fuzz',
      familyName: 'Test',
      department: 'Fuzzing',
      employmentType: 'contractor',
      endDate: '2026-12-31',
      timeZone: 'Europe/London',
    },
  });

  it('never answers a generic webhook with a 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(
        anyBody(leaver('FUZZ-G')),
        contentType,
        fc.boolean(),
        headerValue,
        async (body, type, sign, junk) => {
          const signed = signWebhook(genericSecret, body);
          const headers = sign
            ? { ...signed.headers, 'content-type': type }
            : { 'content-type': type, 'x-tenure-timestamp': junk, 'x-tenure-signature': `v1=${junk}` };
          expect(await send('/v1/events/generic', 'POST', headers, body)).toBeLessThan(500);
        },
      ),
      { numRuns: 700 },
    );
  });

  it('never answers a BambooHR webhook with a 5xx', async () => {
    const template = {
      employees: [
        {
          id: 9001,
          action: 'Updated',
          timestamp: '2026-11-26T09:58:12+00:00',
          fields: { employeeNumber: { value: 'FUZZ-B' }, status: { value: 'Inactive' }, workEmail: 'f@example.com' },
          changedFields: ['status'],
        },
      ],
    };
    await fc.assert(
      fc.asyncProperty(anyBody(template), contentType, fc.boolean(), headerValue, async (body, type, sign, junk) => {
        const signed = ingest.bambooRequest(JSON.parse(JSON.stringify(body)) as unknown);
        const timestamp = String(Math.floor(Date.now() / 1000));
        const signature = createHmac('sha256', requiredEnv('TENURE_WEBHOOK_SECRET_BAMBOOHR'))
          .update(body)
          .update(timestamp)
          .digest('hex');
        const headers = sign
          ? { 'content-type': type, 'x-bamboohr-timestamp': timestamp, 'x-bamboohr-signature': signature }
          : { ...signed.headers, 'content-type': type, 'x-bamboohr-timestamp': junk };
        expect(await send('/v1/events/bamboohr', 'POST', headers, body)).toBeLessThan(500);
      }),
      { numRuns: 700 },
    );
  });

  it('never answers a SCIM request with a 5xx', async () => {
    const enterprise = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
    const user = {
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:User', enterprise],
      externalId: 'FUZZ-S',
      userName: 'fuzz-s@example.com',
      name: { givenName: 'Fuzz', familyName: 'Scim' },
      active: false,
      emails: [{ value: 'fuzz-s@example.com', type: 'work', primary: true }],
      [enterprise]: { employeeNumber: 'FUZZ-S', department: 'Fuzzing', manager: { value: 'FUZZ-M' } },
    };
    const bulk = {
      schemas: ['urn:ietf:params:scim:api:messages:2.0:BulkRequest'],
      failOnErrors: 5,
      Operations: [
        { method: 'POST', bulkId: 'b1', path: '/Users', data: user },
        {
          method: 'PATCH',
          path: '/Users/bulkId:b1',
          data: {
            schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
            Operations: [{ op: 'replace', path: 'title', value: 'Fuzzer' }],
          },
        },
        { method: 'DELETE', path: '/Users/FUZZ-S' },
      ],
    };
    const route = fc.oneof(
      fc.record({ method: fc.constant('POST'), path: fc.constant('/Bulk'), body: anyBody(bulk) }),
      fc.record({ method: fc.constant('POST'), path: fc.constant('/Users'), body: anyBody(user) }),
      fc.record({
        method: fc.constantFrom('PUT', 'PATCH', 'DELETE', 'GET'),
        path: fc.oneof(
          fc.constant('/Users/FUZZ-S'),
          fc.string({ maxLength: 30 }).map((id) => `/Users/${encodeURIComponent(id)}`),
          fc.constantFrom('/Users/%E0%A4%A', '/Users/%00', '/Users/..%2F..', '/Users/a/b'),
        ),
        body: anyBody(bulk.Operations[1].data as Record<string, unknown>),
      }),
    );
    await fc.assert(
      fc.asyncProperty(
        route,
        contentType,
        fc.boolean(),
        headerValue,
        async ({ method, path, body }, type, auth, junk) => {
          const headers = { 'content-type': type, authorization: auth ? `Bearer ${scimToken}` : junk };
          const withBody = method === 'GET' || method === 'DELETE' ? undefined : body;
          expect(await send(`/scim/v2${path}`, method, headers, withBody)).toBeLessThan(500);
        },
      ),
      { numRuns: 800 },
    );
  });

  it('never answers a CSV import with a 5xx', async () => {
    const header = 'employee_id,email,first_name,last_name,termination_date';
    const row = fc
      .array(
        fc.oneof(fc.string({ maxLength: 20 }), fc.constantFrom('"', '""', '\\', '\r', ',', 'FUZZ-C', '2026-12-31')),
        {
          maxLength: 7,
        },
      )
      .map((cells) => cells.join(','));
    const file = fc.oneof(
      fc.array(row, { maxLength: 20 }).map((rows) => [header, ...rows].join('\n')),
      fc.string({ unit: 'binary', maxLength: 400 }),
      fc.constant(`${header}\nFUZZ-C,fuzz-c@example.com,Fuzz,Csv,2026-12-31\n`),
    );
    await fc.assert(
      fc.asyncProperty(file, contentType, fc.boolean(), async (body, type, auth) => {
        const headers = {
          'content-type': auth ? 'text/csv' : type,
          authorization: `Bearer ${auth ? importToken : 'not-the-import-token'}`,
        };
        expect(await send('/v1/imports/csv', 'POST', headers, body)).toBeLessThan(500);
      }),
      { numRuns: 300 },
    );
  });

  it('never answers malformed HTTP (headers, lengths, encodings) with a 5xx', async () => {
    const port = Number(requiredEnv('HR_INGEST_PORT'));
    const rawRequest = fc
      .tuple(
        fc.constantFrom(
          '/v1/events/generic',
          '/v1/events/bamboohr',
          '/scim/v2/Bulk',
          '/v1/imports/csv',
          '/scim/v2/Users/x',
        ),
        fc.array(fc.tuple(fc.stringMatching(/^[!-9;-~]{1,20}$/), fc.stringMatching(/^[ -~]{0,60}$/)), { maxLength: 5 }),
        fc.constantFrom('application/json', 'application/scim+json', 'text/csv'),
        fc.constantFrom('gzip', 'deflate', 'br', 'identity', 'x-unknown', ''),
        fc.integer({ min: 0, max: 50 }),
        fc.string({ maxLength: 40 }),
      )
      .map(([path, extra, type, encoding, length, body]) =>
        [
          `POST ${path} HTTP/1.1`,
          `Host: 127.0.0.1:${port}`,
          `Content-Type: ${type}`,
          ...(encoding ? [`Content-Encoding: ${encoding}`] : []),
          `Content-Length: ${length}`,
          ...extra.map(([name, value]) => `${name}: ${value}`),
          'Connection: close',
          '',
          body,
        ].join('\r\n'),
      );
    await fc.assert(
      fc.asyncProperty(rawRequest, async (request) => {
        const status = await rawStatus(port, request);
        expect(status === undefined || status < 500).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

/** Sends bytes as they are and reads the status line; undefined when the server just closes (a valid answer to garbage). */
function rawStatus(port: number, request: string): Promise<number | undefined> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    let received = '';
    const done = () => {
      socket.destroy();
      const match = /^HTTP\/1\.[01] (\d{3})/.exec(received);
      resolve(match ? Number(match[1]) : undefined);
    };
    socket.setTimeout(3_000, done);
    socket.on('data', (chunk) => {
      received += chunk.toString('latin1');
      if (/^HTTP\/1\.[01] \d{3}/.test(received)) done();
    });
    socket.on('error', done);
    socket.on('close', done);
    socket.end(request);
  });
}
