import { createHmac } from 'node:crypto';
import { requiredEnv } from '@tenure/testing';

export interface Answer {
  status: number;
  body: Record<string, unknown>;
}

async function answerOf(response: Response): Promise<Answer> {
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}

/** hr-ingest's sources on the running test stack, called as each kind of HR system calls them. */
export class IngestClient {
  readonly url = `http://127.0.0.1:${requiredEnv('HR_INGEST_PORT')}`;
  private readonly bambooKey = requiredEnv('TENURE_WEBHOOK_SECRET_BAMBOOHR');
  private readonly scimToken = requiredEnv('TENURE_SCIM_TOKEN');
  private readonly importToken = requiredEnv('TENURE_IMPORT_TOKEN');

  /** A BambooHR field-based webhook, signed as BambooHR signs it (HMAC-SHA256 of body + timestamp). */
  bambooRequest(payload: unknown, timestamp = String(Math.floor(Date.now() / 1000)), key = this.bambooKey) {
    const body = JSON.stringify(payload);
    const signature = createHmac('sha256', key).update(body).update(timestamp).digest('hex');
    return {
      body,
      headers: {
        'content-type': 'application/json',
        'x-bamboohr-timestamp': timestamp,
        'x-bamboohr-signature': signature,
      },
    };
  }

  async bamboo(payload: unknown): Promise<Answer> {
    const request = this.bambooRequest(payload);
    return answerOf(await fetch(`${this.url}/v1/events/bamboohr`, { method: 'POST', ...request }));
  }

  async scim(method: string, path: string, body?: unknown, token = this.scimToken): Promise<Answer> {
    const response = await fetch(`${this.url}/scim/v2${path}`, {
      method,
      headers: { 'content-type': 'application/scim+json', authorization: `Bearer ${token}` },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return answerOf(response);
  }

  async importCsv(csv: string, token = this.importToken): Promise<Answer> {
    const response = await fetch(`${this.url}/v1/imports/csv`, {
      method: 'POST',
      headers: { 'content-type': 'text/csv', authorization: `Bearer ${token}` },
      body: csv,
    });
    return answerOf(response);
  }
}
