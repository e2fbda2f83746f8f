import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, waitForPort } from '@tenure/testing';
import { appToken, RunningSaasSim, simulatedApp, startSimulatedAppsWithAdmin } from './simulated-apps.fixture';

/**
 * The built gateway, as it runs in production, with debug logging: whatever
 * goes wrong with an app, no app secret may appear in its log output or in
 * any answer it gives.
 */
const GATEWAY_MAIN = join(__dirname, '../../../dist/apps/connector-gateway/src/main.js');
const GATEWAY_TOKEN = 'gateway-token-0123456789abcdef';
const SECRETS = {
  wrongBearer: 'wrong-bearer-secret-5f1d2c3b4a',
  clientSecret: appToken('crm'),
  fileToken: appToken('files'),
};

let sim: RunningSaasSim;
let gateway: ChildProcess;
let output = '';
let url: string;

function startGateway(configDir: string, env: Record<string, string>, port: number): ChildProcess {
  const child = spawn(process.execPath, [GATEWAY_MAIN], {
    env: {
      PATH: process.env.PATH,
      TENURE_GATEWAY_TOKEN: GATEWAY_TOKEN,
      CONNECTOR_GATEWAY_PORT: String(port),
      TENURE_CONFIG_DIR: configDir,
      LOG_LEVEL: 'debug',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return child;
}

function configDir(): string {
  const directory = mkdtempSync(join(tmpdir(), 'tenure-gateway-config-'));
  const tokenFile = join(directory, 'files.token');
  writeFileSync(tokenFile, `${SECRETS.fileToken}\n`);
  writeFileSync(
    join(directory, 'apps.yaml'),
    [
      'apps:',
      `  - { id: legacy, displayName: Legacy, connector: scim, scim: { baseUrl: "${sim.url}/legacy/scim/v2" }, auth: { type: bearer, tokenEnv: LEGACY_TOKEN } }`,
      `  - { id: crm, displayName: CRM, connector: scim, scim: { baseUrl: "${sim.url}/crm/scim/v2" }, auth: { type: oauth2, tokenUrl: "${sim.url}/crm/oauth/token", clientId: tenure-crm, clientSecretEnv: CRM_SECRET } }`,
      `  - { id: files, displayName: Files, connector: scim, scim: { baseUrl: "${sim.url}/files/scim/v2" }, auth: { type: bearer, tokenFile: "${tokenFile}" } }`,
    ].join('\n'),
  );
  return directory;
}

const stop = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });

beforeAll(async () => {
  sim = await startSimulatedAppsWithAdmin([
    simulatedApp('legacy'),
    simulatedApp('crm', { oauth: { clientId: 'tenure-crm', tokenTtlSeconds: 3600 } }),
    simulatedApp('files'),
  ]);
  const port = await freePort();
  url = `http://127.0.0.1:${port}`;
  gateway = startGateway(configDir(), { LEGACY_TOKEN: SECRETS.wrongBearer, CRM_SECRET: SECRETS.clientSecret }, port);
  await waitForPort(port, 30_000, () => output);
}, 60_000);

afterAll(async () => {
  if (gateway) await stop(gateway);
  await sim?.close();
});

async function call(method: string, path: string, body?: unknown): Promise<string> {
  const response = await fetch(`${url}${path}`, {
    method,
    headers: { authorization: `Bearer ${GATEWAY_TOKEN}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return `${response.status} ${JSON.stringify([...response.headers])} ${await response.text()}`;
}

const person = (n: number) => ({
  employeeId: `E${9100 + n}`,
  userName: `leak${n}@example.com`,
  email: `leak${n}@example.com`,
  givenName: 'Leak',
  familyName: `Check${n}`,
});

describe('app credentials', () => {
  it('never appear in the gateway’s answers or its debug logs, whatever happens', async () => {
    const answers = [
      await call('GET', '/v1/apps'),
      await call('POST', '/v1/apps/legacy/accounts', person(1)), // the app refuses the token: 502
      await call('POST', '/v1/apps/crm/accounts', person(2)), // OAuth token fetched and used
      await call('POST', '/v1/apps/files/accounts', person(3)), // token from a file
      await call('POST', '/v1/apps/files/accounts', { ...person(4), email: 'not-an-email' }),
      await call('GET', '/v1/apps/files/accounts?limit=5'),
      await call('GET', '/metrics'),
    ];
    expect(answers[1]).toMatch(/^502 .*UNAUTHORIZED/);
    expect(answers[2]).toMatch(/^200 /);
    expect(answers[3]).toMatch(/^200 /);
    // Let the last log lines reach us.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(output).toContain('account created');
    for (const secret of Object.values(SECRETS)) {
      for (const answer of answers) expect(answer).not.toContain(secret);
      expect(output).not.toContain(secret);
    }
  });

  it('are named by where they should be when missing: start-up stops, showing no value', async () => {
    let startupOutput = '';
    const port = await freePort();
    const child = spawn(process.execPath, [GATEWAY_MAIN], {
      env: {
        PATH: process.env.PATH,
        TENURE_GATEWAY_TOKEN: GATEWAY_TOKEN,
        CONNECTOR_GATEWAY_PORT: String(port),
        TENURE_CONFIG_DIR: configDir(),
        CRM_SECRET: SECRETS.clientSecret,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.on('data', (chunk: Buffer) => (startupOutput += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (startupOutput += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(code).not.toBe(0);
    expect(startupOutput).toContain('app legacy needs environment variable LEGACY_TOKEN');
    expect(startupOutput).not.toContain(SECRETS.clientSecret);
  }, 30_000);
});
