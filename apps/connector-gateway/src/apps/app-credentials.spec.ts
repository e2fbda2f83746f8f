import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inspect } from 'node:util';
import { AppsConfig, parseYamlConfig } from '@tenure/config';
import { httpCredentialFor } from '../connectors/http-credential.factory';
import { AppCredentialError, resolveAppCredentials } from './app-credentials';

const directory = mkdtempSync(join(tmpdir(), 'tenure-credentials-'));
const tokenFile = join(directory, 'zoom.token');
writeFileSync(tokenFile, 'zoom-file-token-value\n');

const { apps } = parseYamlConfig(
  'apps.yaml',
  [
    'apps:',
    '  - { id: slack, displayName: Slack, connector: scim, scim: { baseUrl: "http://127.0.0.1:1/slack" }, auth: { type: bearer, tokenEnv: SLACK_TOKEN } }',
    `  - { id: zoom, displayName: Zoom, connector: scim, scim: { baseUrl: "http://127.0.0.1:1/zoom" }, auth: { type: bearer, tokenFile: "${tokenFile}" } }`,
  ].join('\n'),
  AppsConfig,
);

describe('resolveAppCredentials', () => {
  it('takes tokens from the named variable or file', () => {
    const resolved = resolveAppCredentials(apps, { SLACK_TOKEN: 'slack-env-token-value' });
    expect(resolved.map(({ app, auth }) => [app.id, auth.type === 'bearer' && auth.token.reveal()])).toEqual([
      ['slack', 'slack-env-token-value'],
      ['zoom', 'zoom-file-token-value'],
    ]);
  });

  it('names every app without a token and where its token should be', () => {
    const unreadable = apps.map((app) =>
      app.id === 'zoom' ? { ...app, auth: { ...app.auth, tokenFile: join(directory, 'missing') } } : app,
    );
    expect(() => resolveAppCredentials(unreadable, {})).toThrow(AppCredentialError);
    expect(() => resolveAppCredentials(unreadable, {})).toThrow(
      `Missing app credentials: app slack needs environment variable SLACK_TOKEN; app zoom: token file ${join(directory, 'missing')} cannot be read`,
    );
  });

  it('never shows a token when a credential is logged, serialised or inspected', () => {
    const [{ auth }] = resolveAppCredentials(apps, { SLACK_TOKEN: 'slack-env-token-value' });
    const credential = httpCredentialFor(auth, 1000);
    const shown = [
      JSON.stringify({ auth, credential }),
      inspect(auth),
      inspect({ auth, credential }),
      String(Object.keys(credential)),
      `${auth.type === 'bearer' ? auth.token : ''}`,
    ];
    for (const text of shown) expect(text).not.toContain('slack-env-token-value');
  });
});

describe('basic and OAuth 2.0 credentials', () => {
  const { apps: others } = parseYamlConfig(
    'apps.yaml',
    [
      'apps:',
      '  - { id: dir, displayName: Directory, connector: ldap, ldap: { url: "ldap://127.0.0.1:389", usersDn: "ou=people,dc=x", groupsDn: "ou=groups,dc=x", disabledUsersDn: "ou=disabled,dc=x" }, auth: { type: basic, username: "cn=admin,dc=x", passwordEnv: DIR_PASSWORD } }',
      '  - { id: crm, displayName: CRM, connector: scim, scim: { baseUrl: "http://127.0.0.1:1/crm" }, auth: { type: oauth2, tokenUrl: "http://127.0.0.1:1/token", clientId: tenure, clientSecretEnv: CRM_SECRET, scope: "users:write" } }',
    ].join('\n'),
    AppsConfig,
  );

  it('reads the password and client secret from the variables named', async () => {
    const [directory, crm] = resolveAppCredentials(others, {
      DIR_PASSWORD: 'dir-password-value',
      CRM_SECRET: 'crm-secret-value',
    });
    expect(directory.auth).toMatchObject({ type: 'basic', username: 'cn=admin,dc=x' });
    expect(directory.auth.type === 'basic' && directory.auth.password.reveal()).toBe('dir-password-value');
    expect(crm.auth).toMatchObject({
      type: 'oauth2',
      tokenUrl: 'http://127.0.0.1:1/token',
      clientId: 'tenure',
      scope: 'users:write',
    });
    expect(await httpCredentialFor(directory.auth, 1000).authorizationHeader()).toBe(
      `Basic ${Buffer.from('cn=admin,dc=x:dir-password-value').toString('base64')}`,
    );
    expect(JSON.stringify(crm)).not.toContain('crm-secret-value');
    expect(inspect(httpCredentialFor(crm.auth, 1000))).not.toContain('crm-secret-value');
  });

  it('names each missing secret by the variable it should be in', () => {
    expect(() => resolveAppCredentials(others, {})).toThrow(
      'Missing app credentials: app dir needs environment variable DIR_PASSWORD; app crm needs environment variable CRM_SECRET',
    );
  });

  it('refuses a config that lacks what its auth type needs', () => {
    expect(() =>
      parseYamlConfig(
        'apps.yaml',
        'apps:\n  - { id: crm, displayName: CRM, connector: scim, scim: { baseUrl: "http://127.0.0.1:1/crm" }, auth: { type: oauth2, clientSecretEnv: X } }',
        AppsConfig,
      ),
    ).toThrow(/tokenUrl[\s\S]*clientId|clientId[\s\S]*tokenUrl/);
  });
});
