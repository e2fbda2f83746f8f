import type { AppCatalogue } from '@tenure/config';
import type { Employee } from '@tenure/domain';
import {
  evaluatePolicy,
  Entitlement,
  LifecycleSettings,
  PolicyRule,
  rolesRefusal,
  TenureConfig,
} from '@tenure/policy';

/** Policy loaded and validated once at start (config/apps.yaml and config/policy.yaml). */
export class PolicyService {
  constructor(private readonly config: TenureConfig) {}

  entitlementsFor(employee: Employee): Entitlement[] {
    return evaluatePolicy(this.config.policy, employee);
  }

  get rules(): PolicyRule[] {
    return this.config.policy.rules;
  }

  get lifecycle(): LifecycleSettings {
    return this.config.policy.lifecycle;
  }

  /** What may be requested in the app; undefined for an app that is not configured. */
  catalogueOf(appId: string): AppCatalogue | undefined {
    return this.config.apps.apps.find((app) => app.id === appId)?.catalogue;
  }

  get appIds(): string[] {
    return this.config.apps.apps.map((app) => app.id);
  }

  /** Why roles cannot be granted in this app, or undefined when they can. */
  rolesRefusal(appId: string): string | undefined {
    return rolesRefusal(appId, this.config.apps);
  }
}
