import { join } from 'node:path';
import { AppsConfig, ConfigFileError, loadYamlConfig } from '@tenure/config';
import { PolicyConfig } from './policy-config';
import { rolesRefusal } from './role-support';
import { loadSodConfig } from './sod/load-sod-config';
import type { SodConfig } from './sod/sod-config';

export const APPS_FILE = 'apps.yaml';
export const POLICY_FILE = 'policy.yaml';
export const SOD_FILE = 'sod.yaml';

/** A policy may only grant apps that apps.yaml connects. */
export function checkPolicyApps(file: string, policy: PolicyConfig, apps: AppsConfig): void {
  const known = new Set(apps.apps.map((app) => app.id));
  const problems = policy.rules.flatMap((rule, ruleIndex) =>
    rule.grant
      .map((grant, grantIndex) => ({ grant, grantIndex }))
      .filter(({ grant }) => !known.has(grant.app))
      .map(({ grant, grantIndex }) => ({
        path: `rules[${ruleIndex}].grant[${grantIndex}].app`,
        message: `rule "${rule.name}" grants unknown app "${grant.app}" (known: ${[...known].join(', ')})`,
      })),
  );
  if (problems.length > 0) throw new ConfigFileError(file, problems);
}

/** A policy may only grant roles in apps that take them. */
export function checkPolicyRoles(file: string, policy: PolicyConfig, apps: AppsConfig): void {
  const problems = policy.rules.flatMap((rule, ruleIndex) =>
    rule.grant.flatMap((grant, grantIndex) => {
      const refusal = grant.roles.length > 0 ? rolesRefusal(grant.app, apps) : undefined;
      return refusal
        ? [{ path: `rules[${ruleIndex}].grant[${grantIndex}].roles`, message: `rule "${rule.name}": ${refusal}` }]
        : [];
    }),
  );
  if (problems.length > 0) throw new ConfigFileError(file, problems);
}

/** Every check a policy must pass against the apps Tenure connects. */
export function checkPolicyGrants(file: string, policy: PolicyConfig, apps: AppsConfig): void {
  checkPolicyApps(file, policy, apps);
  checkPolicyRoles(file, policy, apps);
}

export interface TenureConfig {
  apps: AppsConfig;
  policy: PolicyConfig;
  /** Separation-of-duties rules (`sod.yaml`; none when the file is absent). */
  sod: SodConfig;
}

export function loadTenureConfig(directory: string, env: NodeJS.ProcessEnv = process.env): TenureConfig {
  const apps = loadYamlConfig(join(directory, APPS_FILE), AppsConfig, env);
  const policyFile = join(directory, POLICY_FILE);
  const policy = loadYamlConfig(policyFile, PolicyConfig, env);
  checkPolicyGrants(policyFile, policy, apps);
  const sod = loadSodConfig(join(directory, SOD_FILE), apps, env);
  return { apps, policy, sod };
}
