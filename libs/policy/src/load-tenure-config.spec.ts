import { join } from 'node:path';
import { loadTenureConfig } from './load-tenure-config';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';

const REPOSITORY_CONFIG = join(__dirname, '../../../config');

const SLACK_APP =
  'apps:\n  - id: slack\n    displayName: Slack\n    connector: scim\n    scim: { baseUrl: "http://127.0.0.1:3100/slack/scim/v2" }\n    auth: { type: bearer, tokenEnv: SLACK_TOKEN }\n';

function writeConfig(policy: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'tenure-config-'));
  writeFileSync(join(dir, 'apps.yaml'), SLACK_APP);
  writeFileSync(join(dir, 'policy.yaml'), policy);
  return dir;
}

describe('loadTenureConfig', () => {
  it('loads the configuration shipped in config/', () => {
    const config = loadTenureConfig(REPOSITORY_CONFIG, {});
    expect(config.apps.apps.map((a) => a.id)).toEqual(['slack', 'zoom', 'github', 'salesforce', 'pagerduty']);
    expect(config.policy.rules.map((r) => r.name)).toEqual(['everyone', 'engineering', 'sales', 'it-operations']);
    expect(config.policy.lifecycle).toMatchObject({
      prepareLeadTime: '3d',
      contractorExpiry: 'terminate',
      massChange: { window: '15m', maxPeople: 50, maxPeopleDeleted: 25 },
    });
    expect(config.policy.lifecycle.blastRadiusLimit).toBeUndefined();
  });

  it('gives every lifecycle setting a default when the section is absent', () => {
    const dir = writeConfig('rules:\n  - name: everyone\n    grant:\n      - app: slack\n');
    expect(loadTenureConfig(dir, {}).policy.lifecycle).toMatchObject({
      prepareLeadTime: '3d',
      moverOverlap: '0s',
      retentionBeforeDelete: '30d',
      contractorExpiry: 'terminate',
      massChange: { window: '15m', maxPeople: 50, maxPeopleDeleted: 25 },
    });
  });

  it('fills in the mass-change settings a file leaves out, and still loads the deprecated blastRadiusLimit', () => {
    const dir = writeConfig(
      'lifecycle:\n  blastRadiusLimit: 3\n  massChange:\n    maxPeople: 2\nrules:\n  - name: everyone\n    grant:\n      - app: slack\n',
    );
    const { lifecycle } = loadTenureConfig(dir, {}).policy;
    expect(lifecycle.massChange).toMatchObject({ window: '15m', maxPeople: 2, maxPeopleDeleted: 25 });
    expect(lifecycle.massChange.maxPercent).toBeUndefined();
    expect(lifecycle.blastRadiusLimit).toBe(3);
  });

  it('refuses a bad lifecycle setting, naming file, path and problem', () => {
    const dir = writeConfig(
      'lifecycle:\n  retentionBeforeDelete: thirty days\n  blastRadiusLimit: 0\n  overlap: 1d\n  massChange:\n    window: soon\n    maxPercent: 101\nrules:\n  - name: everyone\n    grant:\n      - app: slack\n',
    );
    const error = (() => {
      try {
        loadTenureConfig(dir, {});
      } catch (e) {
        return e as Error;
      }
    })();
    expect(error?.message).toContain(`${join(dir, 'policy.yaml')}: `);
    expect(error?.message).toContain(
      'lifecycle.retentionBeforeDelete: retentionBeforeDelete must be a duration such as 30s, 15m, 12h or 30d',
    );
    expect(error?.message).toContain('lifecycle.blastRadiusLimit: blastRadiusLimit must not be less than 1');
    expect(error?.message).toContain('lifecycle: unknown key overlap');
    expect(error?.message).toContain(
      'lifecycle.massChange.window: window must be a duration such as 30s, 15m, 12h or 30d',
    );
    expect(error?.message).toContain('lifecycle.massChange.maxPercent: maxPercent must not be greater than 100');
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

  it('refuses roles, which no connector assigns, naming file, path, rule and app', () => {
    const dir = writeConfig(
      'rules:\n  - name: everyone\n    grant:\n      - app: slack\n        groups: [all-staff]\n  - name: admins\n    grant:\n      - app: slack\n        roles: [admin]\n',
    );
    expect(() => loadTenureConfig(dir, {})).toThrow(
      `${join(dir, 'policy.yaml')}: rules[1].grant[0].roles: rule "admins": app "slack" does not support roles (its scim connector does not assign roles); grant groups instead`,
    );
  });

  it('ships a policy that grants only what the apps receive: groups, no roles', () => {
    const { policy } = loadTenureConfig(REPOSITORY_CONFIG, {});
    expect(policy.rules.flatMap((rule) => rule.grant.flatMap((grant) => grant.roles))).toEqual([]);
  });
});
