import { createHash } from 'node:crypto';
import { Kafka, logLevel, Producer } from 'kafkajs';
import { TOPICS } from '@tenure/contracts';
import { requiredEnv, testStack } from '@tenure/testing';

export type AuditRecordView = Record<string, unknown> & {
  seq: string;
  hashVersion: number;
  employeeId: string;
  appId: string | null;
  action: string;
  outcome: string | null;
  at: string;
  prevHash: string;
  hash: string;
};

export interface AuditResponse<T> {
  status: number;
  body: T;
  headers: Headers;
}

/** The audit API as a security team calls it, and Kafka as the other services feed it. */
export class AuditClient {
  readonly url = `http://127.0.0.1:${requiredEnv('AUDIT_PORT')}`;
  readonly auditorToken = requiredEnv('TENURE_AUDIT_TOKEN');
  readonly operatorToken = requiredEnv('TENURE_AUDIT_OPERATOR_TOKEN');
  private producer?: Producer;

  async get<T = Record<string, unknown>>(
    path: string,
    query: Record<string, string> = {},
    token: string | null = this.auditorToken,
  ): Promise<AuditResponse<T>> {
    const response = await this.fetch(path, query, token);
    return { status: response.status, body: (await response.json()) as T, headers: response.headers };
  }

  async text(path: string, query: Record<string, string>): Promise<AuditResponse<string>> {
    const response = await this.fetch(path, query, this.auditorToken);
    return { status: response.status, body: await response.text(), headers: response.headers };
  }

  async bytes(path: string, query: Record<string, string>): Promise<AuditResponse<Buffer>> {
    const response = await this.fetch(path, query, this.auditorToken);
    return { status: response.status, body: Buffer.from(await response.arrayBuffer()), headers: response.headers };
  }

  /** Every record of a filter, page by page, oldest first. */
  async allEvents(query: Record<string, string>, limit = 3): Promise<AuditRecordView[]> {
    const items: AuditRecordView[] = [];
    let cursor: string | null = null;
    do {
      const page: AuditResponse<{ items: AuditRecordView[]; nextCursor: string | null }> = await this.get(
        '/v1/audit/events',
        { ...query, order: 'asc', limit: String(limit), ...(cursor ? { cursor } : {}) },
      );
      if (page.status !== 200) throw new Error(`events answered ${page.status}: ${JSON.stringify(page.body)}`);
      items.push(...page.body.items);
      cursor = page.body.nextCursor;
    } while (cursor);
    return items;
  }

  /** Publishes valid messages the way hr-ingest and the orchestrator do. */
  async publish(topic: (typeof TOPICS)[keyof typeof TOPICS], messages: { key: string; value: unknown }[]) {
    const { kafkaBrokers, topicPrefix } = testStack();
    if (!this.producer) {
      this.producer = new Kafka({
        clientId: 'tenure-tests',
        brokers: kafkaBrokers,
        logLevel: logLevel.NOTHING,
      }).producer();
      await this.producer.connect();
    }
    await this.producer.send({
      topic: `${topicPrefix}${topic}`,
      messages: messages.map((m) => ({ key: m.key, value: JSON.stringify(m.value) })),
    });
  }

  async close(): Promise<void> {
    await this.producer?.disconnect();
  }

  private fetch(path: string, query: Record<string, string>, token: string | null): Promise<Response> {
    return fetch(`${this.url}${path}?${new URLSearchParams(query)}`, {
      headers: token === null ? {} : { authorization: `Bearer ${token}` },
    });
  }
}

/** JSON with keys sorted at every level: written here from the README's description, not taken from the service. */
function sortedJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(sortedJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const keys = Object.keys(value).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${sortedJson((value as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** Recomputes a version 2 record's hash from what the API shows, as README "For security teams" tells an auditor to. */
export function recomputeHash(record: AuditRecordView): string {
  const { prevHash, hash: _hash, ...content } = record;
  const details = content.details === null || content.details === undefined ? null : sortedJson(content.details);
  return createHash('sha256')
    .update(`${prevHash}\n${sortedJson({ ...content, details })}`)
    .digest('hex');
}

export function outcomeMessage(fields: {
  employeeId: string;
  appId: string;
  action: string;
  at: Date;
  outcome?: 'succeeded' | 'failed';
  eventId?: string;
  group?: string;
  actor?: 'system' | 'operator' | 'approver';
  actorId?: string;
  reason?: string;
  /** The account's id in the app. */
  externalId?: string;
}) {
  const eventId = fields.eventId ?? 'evt-planted';
  const workflowId = `employee-${fields.employeeId}`;
  return {
    key: fields.employeeId,
    value: {
      outcomeId: `${workflowId}/${eventId}/${fields.appId}/${fields.action}/${fields.group ?? ''}/${fields.at.toISOString()}`,
      at: fields.at.toISOString(),
      employeeId: fields.employeeId,
      appId: fields.appId,
      action: fields.action,
      outcome: fields.outcome ?? 'succeeded',
      eventId,
      workflowId,
      actor: fields.actor ?? 'system',
      ...(fields.actorId ? { actorId: fields.actorId } : {}),
      ...(fields.group ? { group: fields.group } : {}),
      ...(fields.reason ? { reason: fields.reason } : {}),
      ...(fields.externalId ? { externalId: fields.externalId } : {}),
    },
  };
}

export function terminateMessage(employeeId: string, eventId: string, effectiveAt: Date, receivedAt: Date) {
  return {
    key: employeeId,
    value: {
      eventId,
      source: 'generic',
      type: 'terminate',
      effectiveAt: effectiveAt.toISOString(),
      receivedAt: receivedAt.toISOString(),
      employee: {
        employeeId,
        email: `${employeeId.toLowerCase()}@example.com`,
        givenName: 'Ada',
        familyName: 'Lovelace',
        department: 'Engineering',
        employmentType: 'employee',
      },
    },
  };
}
