import { createServer, IncomingMessage, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRemoteJWKSet, decodeProtectedHeader, JWTPayload, jwtVerify } from 'jose';
import { TOPICS } from '@tenure/contracts';
import { requiredEnv, uniqueId, waitFor } from '@tenure/testing';
import { AuditClient, outcomeMessage } from './audit-client';
import { accessTokenOf } from './dev-sign-in';

/**
 * The audit service as a Shared Signals transmitter, seen by receivers: a
 * push receiver (an HTTP server of the test's own) and a poll receiver, each
 * signed in with the development provider's client credentials, checking
 * every token's signature against the JWKS the configuration names.
 */
const auditUrl = `http://127.0.0.1:${requiredEnv('AUDIT_PORT')}`;
const issuer = requiredEnv('TENURE_OIDC_ISSUER');
const RECEIVER = 'tenure-ssf-receiver';
const PUSH = 'urn:ietf:rfc:8935';
const POLL = 'urn:ietf:rfc:8936';
const RISC = 'https://schemas.openid.net/secevent/risc/event-type';
const CAEP = 'https://schemas.openid.net/secevent/caep/event-type';
const VERIFICATION = 'https://schemas.openid.net/secevent/ssf/event-type/verification';
const PUSH_SECRET = `Bearer ${uniqueId('push-secret')}`;

interface Metadata {
  issuer: string;
  jwks_uri: string;
  configuration_endpoint: string;
  status_endpoint: string;
  verification_endpoint: string;
  delivery_methods_supported: string[];
}
interface Stream {
  stream_id: string;
  delivery: { method: string; endpoint_url?: string };
  events_delivered: string[];
  aud: string;
  iss: string;
}
interface Received {
  payload: JWTPayload & { events: Record<string, Record<string, unknown>>; sub_id: Record<string, unknown> };
  contentType?: string;
  authorization?: string;
}

async function receiverToken(): Promise<string> {
  const response = await fetch(`${issuer}/token`, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      authorization: `Basic ${Buffer.from(`${RECEIVER}:${requiredEnv('TENURE_DEV_IDP_SSF_RECEIVER_SECRET')}`).toString('base64')}`,
    },
    body: new URLSearchParams({ grant_type: 'client_credentials', resource: requiredEnv('TENURE_SSF_AUDIENCE') }),
  });
  const body = (await response.json()) as { access_token?: string };
  if (!response.ok || !body.access_token)
    throw new Error(`token endpoint answered ${response.status}: ${JSON.stringify(body)}`);
  return body.access_token;
}

describe('Shared Signals transmitter', () => {
  const audit = new AuditClient();
  let token: string;
  let metadata: Metadata;
  let keys: ReturnType<typeof createRemoteJWKSet>;
  let server: Server;
  let pushUrl: string;
  const pushed: Received[] = [];
  /** How many pushes the receiver answers 503 before it takes them (a receiver that is away). */
  let refuseNext = 0;

  const call = async (method: string, path: string, body?: unknown, bearer: string | null = token) => {
    const response = await fetch(`${auditUrl}${path}`, {
      method,
      headers: {
        ...(bearer ? { authorization: `Bearer ${bearer}` } : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : undefined };
  };

  const verifySet = async (jwt: string): Promise<Received['payload']> => {
    expect(decodeProtectedHeader(jwt)).toMatchObject({ typ: 'secevent+jwt', alg: 'ES256' });
    const { payload } = await jwtVerify(jwt, keys, {
      issuer: metadata.issuer,
      audience: RECEIVER,
      typ: 'secevent+jwt',
    });
    return payload as Received['payload'];
  };

  const readBody = (request: IncomingMessage) =>
    new Promise<string>((resolve) => {
      let data = '';
      request.on('data', (chunk) => (data += chunk));
      request.on('end', () => resolve(data));
    });

  const outcomesFor = (employeeId: string, stream: Received[]) =>
    stream.filter((r) => (r.payload.sub_id.user as { id?: string } | undefined)?.id === employeeId);

  beforeAll(async () => {
    server = createServer((request, response) => {
      void readBody(request).then(async (body) => {
        if (refuseNext > 0) {
          refuseNext -= 1;
          response.writeHead(503).end();
          return;
        }
        try {
          pushed.push({
            payload: await verifySet(body),
            contentType: request.headers['content-type'],
            authorization: request.headers.authorization,
          });
          response.writeHead(202).end();
        } catch (error) {
          response.writeHead(400, { 'content-type': 'application/json' });
          response.end(JSON.stringify({ err: 'invalid_request', description: String(error) }));
        }
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    pushUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/events`;
    token = await receiverToken();
    metadata = (await call('GET', '/.well-known/ssf-configuration', undefined, null)).body as unknown as Metadata;
    keys = createRemoteJWKSet(new URL(metadata.jwks_uri));
  });

  afterAll(async () => {
    await audit.close();
    await new Promise((resolve) => server.close(resolve));
  });

  it('publishes its configuration metadata and keys without a token', async () => {
    expect(metadata).toMatchObject({
      spec_version: '1_0',
      issuer: auditUrl,
      jwks_uri: `${auditUrl}/ssf/jwks.json`,
      configuration_endpoint: `${auditUrl}/ssf/streams`,
      status_endpoint: `${auditUrl}/ssf/status`,
      verification_endpoint: `${auditUrl}/ssf/verify`,
      add_subject_endpoint: `${auditUrl}/ssf/subjects/add`,
      remove_subject_endpoint: `${auditUrl}/ssf/subjects/remove`,
      default_subjects: 'ALL',
      delivery_methods_supported: [PUSH, POLL],
      authorization_schemes: [{ spec_urn: 'urn:ietf:rfc:6749' }],
    });
    const jwks = await call('GET', '/ssf/jwks.json', undefined, null);
    expect(jwks.status).toBe(200);
    expect(jwks.body?.keys).toEqual([expect.objectContaining({ kty: 'EC', crv: 'P-256', alg: 'ES256', use: 'sig' })]);
    expect(JSON.stringify(jwks.body)).not.toContain('"d"');
  });

  it('lets only a configured receiver manage streams', async () => {
    expect((await call('GET', '/ssf/streams', undefined, null)).status).toBe(401);
    expect((await call('GET', '/ssf/streams', undefined, 'not-a-token')).status).toBe(401);
    // A person's access token is for Tenure's API, not for the transmitter.
    expect((await call('GET', '/ssf/streams', undefined, await accessTokenOf('adele'))).status).toBe(401);
    // ...and a receiver's token is not for Tenure's API.
    expect((await audit.get('/v1/audit/events', {}, token)).status).toBe(401);
    const bad = await call('POST', '/ssf/streams', { delivery: { method: 'urn:example:carrier-pigeon' } });
    expect(bad.status).toBe(400);
  });

  it('pushes signed events for disabled, enabled and purged accounts and revoked sessions', async () => {
    const created = await call('POST', '/ssf/streams', {
      delivery: { method: PUSH, endpoint_url: pushUrl, authorization_header: PUSH_SECRET },
      description: 'push receiver of the tests',
    });
    expect(created.status).toBe(201);
    const stream = created.body as unknown as Stream;
    expect(stream).toMatchObject({ iss: auditUrl, aud: RECEIVER, delivery: { method: PUSH, endpoint_url: pushUrl } });
    expect(JSON.stringify(stream)).not.toContain(PUSH_SECRET);
    expect(stream.events_delivered).toEqual([
      `${RISC}/account-disabled`,
      `${RISC}/account-enabled`,
      `${RISC}/account-purged`,
      `${CAEP}/session-revoked`,
    ]);

    // Verification (SSF 1.0 §8.1.4): the receiver's state comes back in a signed event.
    const state = uniqueId('state');
    expect((await call('POST', '/ssf/verify', { stream_id: stream.stream_id, state })).status).toBe(204);
    const verification = await waitFor(
      async () => pushed.find((r) => r.payload.events[VERIFICATION]?.state === state),
      Boolean,
      { description: 'the verification event' },
    );
    expect(verification).toMatchObject({
      contentType: 'application/secevent+jwt',
      authorization: PUSH_SECRET,
      payload: { sub_id: { format: 'opaque', id: stream.stream_id } },
    });

    const employeeId = uniqueId('E-ssf');
    const at = new Date();
    await audit.publish(TOPICS.lifecycleOutcomes, [
      outcomeMessage({ employeeId, appId: 'slack', action: 'account.create', at }),
      outcomeMessage({
        employeeId,
        appId: 'slack',
        action: 'sessions.revoke',
        at,
        actor: 'operator',
        eventId: 'evt-ssf-1',
      }),
      outcomeMessage({ employeeId, appId: 'slack', action: 'account.disable', at, eventId: 'evt-ssf-1' }),
      outcomeMessage({ employeeId, appId: 'zoom', action: 'account.disable', at, outcome: 'failed' }),
      outcomeMessage({ employeeId, appId: 'slack', action: 'account.enable', at }),
      outcomeMessage({ employeeId, appId: 'slack', action: 'account.delete', at }),
    ]);
    const mine = await waitFor(
      async () => outcomesFor(employeeId, pushed),
      (found) => found.length >= 4,
      { description: 'four security events for the employee' },
    );
    // A little longer: nothing else (the create, the failed disable) may follow.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const types = outcomesFor(employeeId, pushed).map((r) => Object.keys(r.payload.events)[0]);
    expect(types.sort()).toEqual(
      [
        `${CAEP}/session-revoked`,
        `${RISC}/account-disabled`,
        `${RISC}/account-enabled`,
        `${RISC}/account-purged`,
      ].sort(),
    );
    const revoked = mine.find((r) => r.payload.events[`${CAEP}/session-revoked`])!;
    expect(revoked.payload).toMatchObject({
      iss: auditUrl,
      aud: RECEIVER,
      txn: 'evt-ssf-1',
      sub_id: {
        format: 'complex',
        user: { format: 'opaque', id: employeeId },
        tenant: { format: 'opaque', id: 'slack' },
      },
      events: {
        [`${CAEP}/session-revoked`]: {
          event_timestamp: Math.floor(at.getTime() / 1000),
          initiating_entity: 'admin',
          reason_admin: { en: expect.stringContaining(employeeId) },
        },
      },
    });
    expect(new Set(mine.map((r) => r.payload.jti)).size).toBe(mine.length);
  });

  it('keeps retrying a push receiver that is away until it takes the events', async () => {
    const stream = (await call('POST', '/ssf/streams', { delivery: { method: PUSH, endpoint_url: pushUrl } }))
      .body as unknown as Stream;
    refuseNext = 2;
    const employeeId = uniqueId('E-ssf-retry');
    await audit.publish(TOPICS.lifecycleOutcomes, [
      outcomeMessage({ employeeId, appId: 'github', action: 'account.disable', at: new Date() }),
    ]);
    const got = await waitFor(
      async () => outcomesFor(employeeId, pushed),
      (found) => found.length >= 2,
      { timeoutMs: 20_000, description: 'the event on both push streams after the receiver came back' },
    );
    expect(refuseNext).toBe(0);
    expect(got.map((r) => Object.keys(r.payload.events)[0])).toEqual([
      `${RISC}/account-disabled`,
      `${RISC}/account-disabled`,
    ]);
    expect((await call('DELETE', `/ssf/streams?stream_id=${stream.stream_id}`)).status).toBe(204);
  });

  it('serves a poll receiver until it acknowledges (RFC 8936)', async () => {
    const created = await call('POST', '/ssf/streams', {
      delivery: { method: POLL },
      events_requested: [`${RISC}/account-disabled`, 'urn:example:not-sent'],
    });
    expect(created.status).toBe(201);
    const stream = created.body as unknown as Stream;
    expect(stream.delivery).toEqual({ method: POLL, endpoint_url: `${auditUrl}/ssf/poll/${stream.stream_id}` });
    expect(stream.events_delivered).toEqual([`${RISC}/account-disabled`]);
    const pollPath = `/ssf/poll/${stream.stream_id}`;

    const employeeId = uniqueId('E-ssf-poll');
    await audit.publish(TOPICS.lifecycleOutcomes, [
      outcomeMessage({ employeeId, appId: 'zoom', action: 'account.disable', at: new Date() }),
      outcomeMessage({ employeeId, appId: 'zoom', action: 'account.delete', at: new Date() }),
    ]);
    const first = await waitFor(
      async () => (await call('POST', pollPath, { returnImmediately: true })).body as { sets: Record<string, string> },
      (body) => Object.keys(body.sets).length > 0,
      { description: 'a polled event' },
    );
    const [jti] = Object.keys(first.sets);
    const payload = await verifySet(first.sets[jti]);
    expect(payload.jti).toBe(jti);
    expect(payload.events).toEqual({ [`${RISC}/account-disabled`]: {} });
    expect(payload.sub_id).toMatchObject({ user: { id: employeeId }, tenant: { id: 'zoom' } });

    // Not acknowledged: the same token again. Acknowledged: gone.
    const again = (await call('POST', pollPath, { returnImmediately: true })).body as { sets: Record<string, string> };
    expect(Object.keys(again.sets)).toEqual([jti]);
    const acked = await call('POST', pollPath, { ack: [jti], returnImmediately: true });
    expect(acked).toEqual({ status: 200, body: { sets: {}, moreAvailable: false } });

    // A push stream cannot be polled, another receiver's stream cannot be seen.
    const missing = await call('POST', '/ssf/poll/00000000-0000-0000-0000-000000000000', { returnImmediately: true });
    expect(missing.status).toBe(404);
  });

  it('sends a stream with subjects added only the events about them, until they are removed (SSF 1.0 §8.1.3)', async () => {
    const stream = (await call('POST', '/ssf/streams', { delivery: { method: POLL } })).body as unknown as Stream;
    const everything = (await call('POST', '/ssf/streams', { delivery: { method: POLL } })).body as unknown as Stream;
    const byId = uniqueId('E-subj-opaque');
    const byIssSub = uniqueId('E-subj-iss');
    const byEmail = uniqueId('E-subj-email');
    const other = uniqueId('E-subj-other');
    const address = `${uniqueId('bo').toLowerCase()}@example.com`;
    const add = (subject: Record<string, unknown>, streamId = stream.stream_id) =>
      call('POST', '/ssf/subjects/add', { stream_id: streamId, subject, verified: true });
    expect(await add({ format: 'opaque', id: byId })).toEqual({ status: 200, body: undefined });
    expect((await add({ format: 'iss_sub', iss: auditUrl, sub: byIssSub })).status).toBe(200);
    // E-mail addresses compare without case; the app names the account by its address.
    expect((await add({ format: 'email', email: address.toUpperCase() })).status).toBe(200);
    // The same subject again is no error and no second subject.
    expect((await add({ format: 'opaque', id: byId })).status).toBe(200);

    // Bad bodies, other receivers' or unknown streams, no token.
    for (const subject of [
      { format: 'phone_number', phone_number: '+15555550100' },
      { format: 'email', email: 'not an address' },
      { format: 'iss_sub', iss: auditUrl },
      { format: 'opaque' },
      'E1001',
    ]) {
      expect({ subject, status: (await add(subject as Record<string, unknown>)).status }).toEqual({
        subject,
        status: 400,
      });
    }
    expect((await call('POST', '/ssf/subjects/add', { subject: { format: 'opaque', id: byId } })).status).toBe(400);
    expect((await add({ format: 'opaque', id: byId }, '00000000-0000-0000-0000-000000000000')).status).toBe(404);
    const anonymous = await call(
      'POST',
      '/ssf/subjects/add',
      { stream_id: stream.stream_id, subject: { format: 'opaque', id: other } },
      null,
    );
    expect(anonymous.status).toBe(401);

    const at = new Date();
    await audit.publish(TOPICS.lifecycleOutcomes, [
      outcomeMessage({ employeeId: byId, appId: 'slack', action: 'account.disable', at }),
      outcomeMessage({ employeeId: byIssSub, appId: 'zoom', action: 'account.disable', at }),
      outcomeMessage({ employeeId: byEmail, appId: 'github', action: 'account.disable', at, externalId: address }),
      outcomeMessage({ employeeId: other, appId: 'slack', action: 'account.disable', at }),
    ]);
    const polledFor = async (streamId: string, employees: string[]) => {
      const body = (await call('POST', `/ssf/poll/${streamId}`, { returnImmediately: true, maxEvents: 100 })).body as {
        sets: Record<string, string>;
      };
      const payloads = await Promise.all(Object.values(body.sets).map(verifySet));
      return payloads
        .map((p) => (p.sub_id.user as { id: string }).id)
        .filter((id) => employees.includes(id))
        .sort();
    };
    const four = [byId, byIssSub, byEmail, other];
    // A stream without subjects still gets every event: it is the marker that all four arrived.
    await waitFor(
      () => polledFor(everything.stream_id, four),
      (ids) => ids.length === 4,
      { description: 'all four on the stream without subjects' },
    );
    expect(await polledFor(stream.stream_id, four)).toEqual([byId, byIssSub, byEmail].sort());

    // Removed: no more events about that subject; removing it twice is a 404.
    const remove = (subject: Record<string, unknown>) =>
      call('POST', '/ssf/subjects/remove', { stream_id: stream.stream_id, subject });
    expect(await remove({ format: 'opaque', id: byId })).toEqual({ status: 204, body: undefined });
    expect((await remove({ format: 'opaque', id: byId })).status).toBe(404);
    expect((await remove({ format: 'email', email: 'x' })).status).toBe(400);
    const later = new Date(at.getTime() + 1000);
    await audit.publish(TOPICS.lifecycleOutcomes, [
      outcomeMessage({ employeeId: byId, appId: 'slack', action: 'account.enable', at: later }),
      outcomeMessage({ employeeId: byIssSub, appId: 'zoom', action: 'account.enable', at: later }),
    ]);
    await waitFor(
      async () => (await polledFor(everything.stream_id, [byId, byIssSub])).length,
      (count) => count === 4,
      { description: 'the two later events on the stream without subjects' },
    );
    const enabled = (await call('POST', `/ssf/poll/${stream.stream_id}`, { returnImmediately: true, maxEvents: 100 }))
      .body as {
      sets: Record<string, string>;
    };
    const events = (await Promise.all(Object.values(enabled.sets).map(verifySet)))
      .filter((p) => p.events[`${RISC}/account-enabled`])
      .map((p) => (p.sub_id.user as { id: string }).id);
    expect(events).toEqual([byIssSub]);
    for (const id of [stream.stream_id, everything.stream_id])
      expect((await call('DELETE', `/ssf/streams?stream_id=${id}`)).status).toBe(204);
  });

  it('reads, updates, replaces, pauses and deletes a stream', async () => {
    const stream = (await call('POST', '/ssf/streams', { delivery: { method: POLL } })).body as unknown as Stream;
    const id = stream.stream_id;
    expect((await call('GET', `/ssf/streams?stream_id=${id}`)).body).toEqual(stream);
    const all = (await call('GET', '/ssf/streams')).body as unknown as Stream[];
    expect(all.map((s) => s.stream_id)).toContain(id);

    const updated = await call('PATCH', '/ssf/streams', {
      stream_id: id,
      events_requested: [`${CAEP}/session-revoked`],
      description: 'only sessions',
    });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ events_delivered: [`${CAEP}/session-revoked`], description: 'only sessions' });
    const replaced = await call('PUT', '/ssf/streams', { stream_id: id, delivery: { method: POLL } });
    expect(replaced.body).toMatchObject({ events_delivered: stream.events_delivered });

    expect((await call('GET', `/ssf/status?stream_id=${id}`)).body).toEqual({ stream_id: id, status: 'enabled' });
    const paused = await call('POST', '/ssf/status', { stream_id: id, status: 'paused', reason: 'maintenance' });
    expect(paused).toEqual({ status: 200, body: { stream_id: id, status: 'paused', reason: 'maintenance' } });
    expect((await call('POST', '/ssf/status', { stream_id: id, status: 'asleep' })).status).toBe(400);

    // Disabled: no events, and no verification either.
    await call('POST', '/ssf/status', { stream_id: id, status: 'disabled' });
    expect((await call('POST', '/ssf/verify', { stream_id: id })).status).toBe(409);

    expect((await call('DELETE', `/ssf/streams?stream_id=${id}`)).status).toBe(204);
    expect((await call('GET', `/ssf/streams?stream_id=${id}`)).status).toBe(404);
    expect((await call('DELETE', `/ssf/streams?stream_id=${id}`)).status).toBe(404);
  });
});
