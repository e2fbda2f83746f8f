import { existsSync } from 'node:fs';
import { AppsConfig, ConfigFileError, loadYamlConfig } from '@tenure/config';
import { SodConfig } from './sod-config';

/** Rules may only name apps apps.yaml connects; names are unique; a `medium` rule names its approver. */
export function checkSodRules(file: string, sod: SodConfig, apps: AppsConfig): void {
  const known = new Set(apps.apps.map((app) => app.id));
  const seen = new Set<string>();
  const problems = sod.rules.flatMap((rule, index) => {
    const found: { path: string; message: string }[] = [];
    if (seen.has(rule.name))
      found.push({ path: `rules[${index}].name`, message: `rule name "${rule.name}" is used twice` });
    seen.add(rule.name);
    rule.entitlements.forEach((ref, refIndex) => {
      const appId = ref.split(':')[0];
      if (!known.has(appId)) {
        found.push({
          path: `rules[${index}].entitlements[${refIndex}]`,
          message: `rule "${rule.name}" names unknown app "${appId}" (known: ${[...known].join(', ')})`,
        });
      }
    });
    if (rule.severity === 'medium' && !rule.approver) {
      found.push({
        path: `rules[${index}].approver`,
        message: `rule "${rule.name}" is medium severity: name the approver who agrees to an exception`,
      });
    }
    return found;
  });
  if (problems.length > 0) throw new ConfigFileError(file, problems);
}

/** `config/sod.yaml` is optional: without it there are no separation-of-duties rules. */
export function loadSodConfig(file: string, apps: AppsConfig, env: NodeJS.ProcessEnv): SodConfig {
  if (!existsSync(file)) return Object.assign(new SodConfig(), { rules: [] });
  const sod = loadYamlConfig(file, SodConfig, env);
  checkSodRules(file, sod, apps);
  return sod;
}
