import type { LifecyclePlan, PlanSubject } from '@tenure/temporal-contracts';
import type { ConnectorGatewayClient } from '../gateway/connector-gateway.client';
import type { IdentityRepository } from '../identity/identity.repository';
import type { RunRepository } from '../identity/run.repository';
import type { PolicyService } from '../policy/policy.service';
import { planLifecycle } from './lifecycle-planner';

/** Gathers what a plan depends on (identity store, policy, app capabilities) and plans. */
export class PlannerService {
  constructor(
    private readonly identity: IdentityRepository,
    private readonly runs: RunRepository,
    private readonly gateway: ConnectorGatewayClient,
    private readonly policy: PolicyService,
  ) {}

  async plan(subject: PlanSubject, now: string): Promise<LifecyclePlan> {
    const employeeId = subject.kind === 'event' ? subject.event.employee.employeeId : subject.request.employeeId;
    const [record, capabilities, requests] = await Promise.all([
      this.identity.findPerson(employeeId),
      this.gateway.capabilities(),
      this.runs.accessRequestsOf(employeeId),
    ]);
    const managerId =
      (subject.kind === 'event' ? subject.event.employee.managerId : undefined) ?? record?.person.attributes.managerId;
    const managerAccounts = managerId ? await this.identity.accountsOf(managerId) : [];
    return planLifecycle({
      subject,
      now,
      person: record ? { state: record.person.state, attributes: record.person.attributes } : undefined,
      accounts: (record?.accounts ?? []).map((account) => ({
        appId: account.appId,
        status: account.status,
        ...(account.externalId ? { externalId: account.externalId } : {}),
      })),
      managerAccounts,
      entitlements: (record?.entitlements ?? []).map(({ appId, roles, groups, rules }) => ({
        appId,
        roles,
        groups,
        rules,
      })),
      accessGrants: requests.filter((request) => request.status === 'approved'),
      settings: this.policy.lifecycle,
      capabilities,
      policy: (employee) => this.policy.entitlementsFor(employee),
    });
  }
}
