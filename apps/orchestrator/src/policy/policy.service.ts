import type { Employee } from '@tenure/domain';
import { evaluatePolicy, Entitlement, LifecycleSettings, rolesRefusal, TenureConfig } from '@tenure/policy';

/** Policy loaded and validated once at start (config/apps.yaml and config/policy.yaml). */
export class PolicyService {
  constructor(private readonly config: TenureConfig) {}

  entitlementsFor(employee: Employee): Entitlement[] {
    return evaluatePolicy(this.config.policy, employee);
  }

  get lifecycle(): LifecycleSettings {
    return this.config.policy.lifecycle;
  }

  get appIds(): string[] {
    return this.config.apps.apps.map((app) => app.id);
  }

  /** Why roles cannot be granted in this app, or undefined when they can. */
  rolesRefusal(appId: string): string | undefined {
    return rolesRefusal(appId, this.config.apps);
  }
}
