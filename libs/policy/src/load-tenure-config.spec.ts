import { join } from 'node:path';
import { loadTenureConfig } from './load-tenure-config';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';

const REPOSITORY_CONFIG = join(__dirname, '../../../config');

describe('loadTenureConfig', () => {
  it('loads the configuration shipped in config/', () => {
    const config = loadTenureConfig(REPOSITORY_CONFIG, {});
    expect(config.apps.apps.map((a) => a.id)).toEqual(['slack', 'zoom', 'github', 'salesforce']);
    expect(config.policy.rules.map((r) => r.name)).toEqual(['everyone', 'engineering', 'sales']);
  });

  it('refuses a policy that grants an app apps.yaml does not connect, naming rule and path', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tenure-config-'));
    writeFileSync(
      join(dir, 'apps.yaml'),
      'apps:\n  - id: slack\n    displayName: Slack\n    connector: scim\n    scim: { baseUrl: "http://127.0.0.1:3100/slack/scim/v2" }\n    auth: { type: bearer, tokenEnv: SLACK_TOKEN }\n',
    );
    writeFileSync(
      join(dir, 'policy.yaml'),
      'rules:\n  - name: everyone\n    grant:\n      - app: slack\n      - app: jira\n',
    );
    expect(() => loadTenureConfig(dir, {})).toThrow(
      `${join(dir, 'policy.yaml')}: rules[0].grant[1].app: rule "everyone" grants unknown app "jira" (known: slack)`,
    );
  });
});
