import { join } from 'node:path';
import { ConfigFileError, loadYamlConfig, parseYamlConfig } from '@tenure/config';
import { SaasSimConfig } from './saas-sim-config';
import { resolveSimulatedApps, SimulatedAppTokenError } from './simulated-app';

const CONFIG_FILE = join(__dirname, '../../../../config/saas-sim.yaml');

describe('config/saas-sim.yaml', () => {
  it('is valid and lists the apps of config/apps.yaml, with the same token variables', () => {
    const config = loadYamlConfig(CONFIG_FILE, SaasSimConfig);
    expect(config.apps.map((app) => [app.id, app.tokenEnv])).toEqual([
      ['slack', 'TENURE_APP_SLACK_TOKEN'],
      ['zoom', 'TENURE_APP_ZOOM_TOKEN'],
      ['github', 'TENURE_APP_GITHUB_TOKEN'],
      ['salesforce', 'TENURE_APP_SALESFORCE_TOKEN'],
      ['pagerduty', 'TENURE_APP_PAGERDUTY_TOKEN'],
    ]);
  });

  it('gives each app the extensions its connector in config/apps.yaml expects', () => {
    const config = loadYamlConfig(CONFIG_FILE, SaasSimConfig);
    const byId = Object.fromEntries(config.apps.map((app) => [app.id, app]));
    expect(byId.zoom.extensions).toEqual(['sessions']);
    expect(byId.slack.extensions).toEqual(['sessions', 'ownedItems']);
    expect(byId.salesforce.allowUserDelete).toBe(false);
    expect(byId.slack.allowUserDelete).toBe(true);
  });

  it('refuses an unknown extension and an OAuth section without a client id', () => {
    const yaml =
      'apps:\n  - { id: slack, displayName: Slack, tokenEnv: SLACK_T, latencyMs: { min: 1, max: 2 }, extensions: [teleport], oauth: { tokenTtlSeconds: 5 } }\n';
    expect(() => parseYamlConfig('saas-sim.yaml', yaml, SaasSimConfig)).toThrow(
      /apps\[0\]\.extensions.*[\s\S]*apps\[0\]\.oauth\.clientId|apps\[0\]\.oauth\.clientId[\s\S]*apps\[0\]\.extensions/,
    );
  });

  it('names the file, the path and the problem', () => {
    const yaml =
      'apps:\n  - id: slack\n    displayName: Slack\n    tokenEnv: slack_token\n    latencyMs: { min: 50, max: 10 }\n';
    expect(() => parseYamlConfig('saas-sim.yaml', yaml, SaasSimConfig)).toThrow(ConfigFileError);
    expect(() => parseYamlConfig('saas-sim.yaml', yaml, SaasSimConfig)).toThrow(
      /saas-sim\.yaml: .*apps\[0\]\.tokenEnv: tokenEnv must name an environment variable.*apps\[0\]\.latencyMs\.max: max must be at least min/,
    );
  });
});

describe('resolveSimulatedApps', () => {
  const config = parseYamlConfig(
    'saas-sim.yaml',
    'apps:\n  - { id: slack, displayName: Slack, tokenEnv: SLACK_T, latencyMs: { min: 1, max: 2 } }\n  - { id: zoom, displayName: Zoom, tokenEnv: ZOOM_T, latencyMs: { min: 1, max: 2 } }\n',
    SaasSimConfig,
  );

  it('takes each token from the variable the app names, with faults off by default', () => {
    const apps = resolveSimulatedApps(config.apps, { SLACK_T: 'slack-secret', ZOOM_T: 'zoom-secret' });
    expect(apps.map((app) => [app.id, app.token])).toEqual([
      ['slack', 'slack-secret'],
      ['zoom', 'zoom-secret'],
    ]);
    expect(apps[0].faults).toEqual({ rateLimitedRatio: 0, unavailableRatio: 0, retryAfterSeconds: 1 });
  });

  it('reports every missing token by app and variable', () => {
    expect(() => resolveSimulatedApps(config.apps, { SLACK_T: '' })).toThrow(SimulatedAppTokenError);
    expect(() => resolveSimulatedApps(config.apps, { SLACK_T: '' })).toThrow(
      'Missing app tokens: app slack needs environment variable SLACK_T, app zoom needs environment variable ZOOM_T',
    );
  });
});
