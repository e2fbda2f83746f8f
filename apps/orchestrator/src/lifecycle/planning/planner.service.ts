import type { LifecyclePlan, PlanSubject } from '@tenure/temporal-contracts';
import type { ConnectorGatewayClient } from '../../gateway/connector-gateway.client';
import type { IdentityRepository } from '../../identity/identity.repository';
import type { RunRepository } from '../../identity/run.repository';
import type { PolicyService } from '../../policy/policy.service';
import { planLifecycle } from './lifecycle-planner';
import type { PlanningInput } from './planning-input';
import { UnplannableEventError } from './unplannable-event.error';

/** Capabilities change only when the gateway's configuration does: asked for at most this often. */
const CAPABILITIES_TTL_MS = 30_000;

/** Gathers what a plan depends on (identity store, policy, app capabilities) and plans. */
export class PlannerService {
  private capabilities?: { value: Map<string, string[]>; fetchedAt: number };

  constructor(
    private readonly identity: IdentityRepository,
    private readonly runs: RunRepository,
    private readonly gateway: ConnectorGatewayClient,
    private readonly policy: PolicyService,
  ) {}

  /**
   * Gathering may fail for a while (the database, the gateway) and is worth
   * retrying; planning itself fails only because of the event, as an
   * UnplannableEventError.
   */
  async plan(subject: PlanSubject, now: string): Promise<LifecyclePlan> {
    const input = await this.gather(subject, now);
    try {
      return planLifecycle(input);
    } catch (error) {
      throw UnplannableEventError.from(error);
    }
  }

  private async gather(subject: PlanSubject, now: string): Promise<PlanningInput> {
    const employeeId = subject.kind === 'event' ? subject.event.employee.employeeId : subject.request.employeeId;
    const [record, capabilities, requests] = await Promise.all([
      this.identity.findPerson(employeeId),
      this.appCapabilities(),
      this.runs.accessRequestsOf(employeeId),
    ]);
    const managerId =
      (subject.kind === 'event' ? subject.event.employee.managerId : undefined) ?? record?.person.attributes.managerId;
    const managerAccounts = managerId ? await this.identity.accountsOf(managerId) : [];
    return {
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
    };
  }

  /** Recent capabilities, or the last known ones while the gateway does not answer. */
  private async appCapabilities(): Promise<Map<string, string[]>> {
    const cached = this.capabilities;
    if (cached && Date.now() - cached.fetchedAt < CAPABILITIES_TTL_MS) return cached.value;
    try {
      const value = await this.gateway.capabilities();
      this.capabilities = { value, fetchedAt: Date.now() };
      return value;
    } catch (error) {
      if (cached) return cached.value;
      throw error;
    }
  }
}
