import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inspect } from 'node:util';
import { AppsConfig, parseYamlConfig } from '@tenure/config';
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
    expect(resolved.map(({ app, credential }) => [app.id, credential.authorizationHeader()])).toEqual([
      ['slack', 'Bearer slack-env-token-value'],
      ['zoom', 'Bearer zoom-file-token-value'],
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
    const [{ credential }] = resolveAppCredentials(apps, { SLACK_TOKEN: 'slack-env-token-value' });
    const shown = [
      JSON.stringify({ credential }),
      inspect(credential),
      inspect({ credential }),
      String(Object.keys(credential)),
    ];
    for (const text of shown) expect(text).not.toContain('slack-env-token-value');
  });
});
