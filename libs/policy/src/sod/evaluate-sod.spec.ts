import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadTenureConfig } from '../load-tenure-config';
import { sodViolations, violationsAdded, worstSeverity } from './evaluate-sod';
import type { SodRule } from './sod-config';

const RULES = [
  { name: 'admin-reports', severity: 'high', entitlements: ['salesforce:admins', 'salesforce:reports'] },
  {
    name: 'three-way',
    severity: 'medium',
    approver: 'E9001',
    entitlements: ['github:it-admins', 'slack:incident-response', 'pagerduty'],
  },
] as SodRule[];

const APPS =
  'apps:\n' +
  ['slack', 'salesforce']
    .map(
      (id) =>
        `  - id: ${id}\n    displayName: ${id}\n    connector: scim\n    scim: { baseUrl: "http://127.0.0.1:3100/${id}/scim/v2" }\n    auth: { type: bearer, tokenEnv: T }\n`,
    )
    .join('');

function configWith(sod: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'tenure-sod-'));
  writeFileSync(join(dir, 'apps.yaml'), APPS);
  writeFileSync(join(dir, 'policy.yaml'), 'rules: []\n');
  writeFileSync(join(dir, 'sod.yaml'), sod);
  return dir;
}

describe('separation of duties', () => {
  it('finds every rule of which a person holds two entitlements, by group or by account', () => {
    const held = [
      { appId: 'salesforce', groups: ['admins', 'reports'], roles: [] },
      { appId: 'pagerduty', groups: [], roles: [] },
      { appId: 'github', groups: ['it-admins'], roles: [] },
    ];
    expect(sodViolations(RULES, held)).toEqual([
      { rule: 'admin-reports', severity: 'high', entitlements: ['salesforce:admins', 'salesforce:reports'] },
      { rule: 'three-way', severity: 'medium', approver: 'E9001', entitlements: ['github:it-admins', 'pagerduty'] },
    ]);
    expect(sodViolations(RULES, [{ appId: 'salesforce', groups: ['admins'], roles: [] }])).toEqual([]);
  });

  it('tells what a grant would add, and the worst severity among it', () => {
    const held = [{ appId: 'salesforce', groups: ['admins'], roles: [] }];
    const added = violationsAdded(RULES, held, [{ appId: 'salesforce', groups: ['reports'], roles: [] }]);
    expect(added.map((v) => v.rule)).toEqual(['admin-reports']);
    expect(worstSeverity(added)).toBe('high');
    // Something the person already holds adds no violation, even when they are in one.
    const both = [{ appId: 'salesforce', groups: ['admins', 'reports'], roles: [] }];
    expect(violationsAdded(RULES, both, [{ appId: 'salesforce', groups: ['reports'], roles: [] }])).toEqual([]);
    expect(worstSeverity([])).toBeUndefined();
  });

  it('loads the shipped rules', () => {
    const config = loadTenureConfig(join(__dirname, '../../../../config'), {});
    expect(config.sod.rules.map((rule) => [rule.name, rule.severity])).toEqual([
      ['salesforce-admin-reports', 'high'],
      ['github-admin-incident-response', 'medium'],
    ]);
  });

  it('refuses a bad sod.yaml at start, naming the file, the path and the problem', () => {
    const load = (sod: string) => () => loadTenureConfig(configWith(sod), {});
    expect(
      load('rules:\n  - name: x\n    severity: high\n    entitlements: [salesforce:admins, jira:admin]\n'),
    ).toThrow(/sod\.yaml: rules\[0\]\.entitlements\[1\]: rule "x" names unknown app "jira"/);
    expect(load('rules:\n  - name: x\n    severity: medium\n    entitlements: [salesforce, slack]\n')).toThrow(
      /sod\.yaml: rules\[0\]\.approver: rule "x" is medium severity/,
    );
    expect(load('rules:\n  - name: x\n    severity: severe\n    entitlements: [salesforce]\n')).toThrow(
      /rules\[0\]\.severity: severity must be one of low, medium, high.*rules\[0\]\.entitlements: entitlements must name at least two/,
    );
    expect(load('rules:\n  - name: x\n    severity: low\n    entitlement: [salesforce, slack]\n')).toThrow(
      /rules\[0\]: unknown key entitlement/,
    );
  });
});
