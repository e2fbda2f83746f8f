import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { successResponsesWithoutSchema } from '@tenure/http';
import { requiredEnv } from '@tenure/testing';
import { launchBrowser } from './console-browser';
import { consoleSessionOf } from './console-session';
import { accessTokenOf } from './dev-sign-in';

/**
 * Each service's OpenAPI 3.1 document, served at /openapi.json, is the API
 * the service really answers: schemathesis fuzzes every operation of it
 * (stateless, a few cases each) with valid credentials and fails on any 5xx,
 * any status the document does not list and any body that does not match
 * the document's schema.
 */
const run = promisify(execFile);
const CHECKS = ['not_a_server_error', 'status_code_conformance', 'response_schema_conformance'];
// Bounded so the five services take well under three minutes each on two cores.
const MAX_EXAMPLES = process.env.TENURE_OPENAPI_MAX_EXAMPLES ?? '10';
const SEED = process.env.TENURE_OPENAPI_SEED ?? '20261201';

interface Service {
  name: string;
  /** Where it listens: the variable holding its port, or its URL. */
  port?: string;
  url?: string;
  /** The credential the fuzzer sends: the service's own token, or a signed-in admin's access token. */
  token?: () => Promise<string>;
  /** Credentials as whole headers (the console's session cookie and anti-forgery header). */
  headers?: () => Promise<string[]>;
  /**
   * Operations fuzzed in a run of their own, each with fresh credentials:
   * signing out ends the session every other operation is fuzzed with.
   */
  alone?: string[];
  /** 2xx answers that rightly carry no schema of their own, each with the reason. */
  bodiless?: { answer: RegExp; why: string }[];
  schemes: string[];
}

/** A signed-in admin's console session, as the web app holds it. */
const consoleHeaders = async () => {
  const session = await consoleSessionOf('adele');
  return [`Cookie: ${session.cookie}`, `x-tenure-csrf: ${session.csrfToken}`];
};

const SERVICES: Service[] = [
  {
    name: 'hr-ingest',
    port: 'HR_INGEST_PORT',
    // SCIM with its token; the webhooks go unsigned and must answer their documented 401.
    token: async () => requiredEnv('TENURE_SCIM_TOKEN'),
    schemes: ['webhookSignature', 'webhookTimestamp', 'bamboohrSignature', 'scimToken', 'importToken'],
  },
  {
    name: 'orchestrator',
    port: 'ORCHESTRATOR_PORT',
    token: () => accessTokenOf('adele'),
    schemes: ['personAccessToken', 'serviceToken'],
  },
  {
    name: 'connector-gateway',
    port: 'CONNECTOR_GATEWAY_PORT',
    token: async () => requiredEnv('TENURE_GATEWAY_TOKEN'),
    schemes: ['serviceToken'],
  },
  {
    name: 'audit',
    port: 'AUDIT_PORT',
    token: () => accessTokenOf('adele'),
    schemes: ['personAccessToken', 'serviceToken', 'ssfReceiverToken'],
    bodiless: [{ answer: /^POST \/ssf\/subjects\/add 200:/, why: 'SSF 1.0 §8.1.3.2 answers an empty 200' }],
  },
  {
    name: 'console',
    url: 'TENURE_CONSOLE_URL',
    headers: consoleHeaders,
    alone: ['POST /auth/logout'],
    bodiless: [
      {
        answer: /^\w+ \/api\/(ops|audit)\/\{path\} 2\d\d: no JSON schema$/,
        why: "a pass-through: the ops or audit API's own document, checked above, gives its body",
      },
    ],
    schemes: ['consoleSession', 'consoleCsrf'],
  },
];

const baseUrl = (service: Service) =>
  service.url ? requiredEnv(service.url).replace(/\/$/, '') : `http://127.0.0.1:${requiredEnv(service.port ?? '')}`;

const credentialHeaders = async (service: Service): Promise<string[]> =>
  service.headers ? service.headers() : [`Authorization: Bearer ${await service.token?.()}`];

describe.each(SERVICES)('$name OpenAPI', (service) => {
  it('serves an OpenAPI 3.1 document and its docs without a token', async () => {
    const response = await fetch(`${baseUrl(service)}/openapi.json`);
    expect(response.status).toBe(200);
    const document = (await response.json()) as {
      openapi: string;
      paths: Record<string, unknown>;
      components: { securitySchemes: Record<string, unknown> };
    };
    expect(document.openapi).toBe('3.1.0');
    expect(Object.keys(document.paths)).toEqual(expect.arrayContaining(['/health/live', '/health/ready']));
    expect(Object.keys(document.components.securitySchemes)).toEqual(expect.arrayContaining(service.schemes));
    expect(JSON.stringify(document)).not.toContain('"nullable"');
    if (service.name === 'hr-ingest') {
      const webhook = (document.paths['/v1/events/generic'] as { post: { responses: object; security: object } }).post;
      expect(Object.keys(webhook.responses).sort()).toEqual(['200', '202', '400', '401', '403', '413', '415', '429']);
      expect(webhook.security).toEqual([{ webhookSignature: [], webhookTimestamp: [] }]);
    }
    if (service.name === 'console') {
      const operation = (path: string, method: string) =>
        (document.paths[path] as Record<string, { security: object; responses: object }>)[method];
      expect(operation('/api/me', 'get').security).toEqual([{ consoleSession: [] }]);
      expect(operation('/api/ops/{path}', 'post').security).toEqual([{ consoleSession: [], consoleCsrf: [] }]);
      expect(operation('/api/audit/{path}', 'get').responses).toHaveProperty('default');
      expect(Object.keys(document.paths)).toEqual(
        expect.arrayContaining(['/auth/login', '/auth/callback', '/auth/logout']),
      );
    }

    const docs = await fetch(`${baseUrl(service)}/docs`);
    expect(docs.status).toBe(200);
    expect(docs.headers.get('content-type')).toMatch(/^text\/html/);
  });

  it('gives every success answer a schema (or, for a file or stream, its content type)', async () => {
    const document = await (await fetch(`${baseUrl(service)}/openapi.json`)).json();
    const unexplained = successResponsesWithoutSchema(document).filter(
      (problem) => !service.bodiless?.some(({ answer }) => answer.test(problem)),
    );
    expect(unexplained).toEqual([]);
  });

  it('answers every operation as the document says, never with a 5xx', async () => {
    const alone = service.alone ?? [];
    const runs = [alone.flatMap((name) => ['--exclude-name', name]), ...alone.map((name) => ['--include-name', name])];
    for (const filter of runs) {
      const result = await fuzz(service, filter, await credentialHeaders(service));
      // The whole output on failure: each failing operation with the request that reproduces it.
      expect({ filter, code: result.code, output: result.code === 0 ? '' : result.output }).toEqual({
        filter,
        code: 0,
        output: '',
      });
    }
  });
});

async function fuzz(service: Service, filter: string[], headers: string[]): Promise<{ code: number; output: string }> {
  const reports = mkdtempSync(join(tmpdir(), `tenure-openapi-${service.name}-`));
  const args = [
    '--config-file',
    resolve(__dirname, 'schemathesis.toml'),
    '--no-color',
    'run',
    `${baseUrl(service)}/openapi.json`,
    ...filter,
    '--checks',
    CHECKS.join(','),
    '--phases',
    'examples,fuzzing',
    '--max-examples',
    MAX_EXAMPLES,
    '--seed',
    SEED,
    '--workers',
    '2',
    ...headers.flatMap((header) => ['--header', header]),
    '--report-dir',
    reports,
  ];
  return run(requiredEnv('TENURE_SCHEMATHESIS_BIN'), args, {
    timeout: 150_000,
    maxBuffer: 16 * 1024 * 1024,
    // Its example database and reports stay out of the checkout.
    cwd: reports,
    env: { ...process.env, SCHEMATHESIS_TELEMETRY: 'false' },
  }).then(
    ({ stdout }) => ({ code: 0, output: stdout }),
    (error: { code?: number; stdout?: string; stderr?: string }) => ({
      code: error.code ?? 1,
      output: `${error.stdout ?? ''}${error.stderr ?? ''}`,
    }),
  );
}

describe('console API docs', () => {
  it('work in a browser under the console’s Content-Security-Policy', async () => {
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage();
      const refused: string[] = [];
      page.on('console', (message) => {
        if (/Content Security Policy/i.test(message.text())) refused.push(message.text());
      });
      const opened = await page.goto(`${requiredEnv('TENURE_CONSOLE_URL')}/docs`);
      expect(opened?.headers()['content-security-policy']).toContain("script-src 'self'");
      // Swagger UI drew the operations it read from /openapi.json.
      await page.locator('.opblock-summary-path', { hasText: '/api/me' }).first().waitFor({ timeout: 30_000 });
      expect(refused).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
