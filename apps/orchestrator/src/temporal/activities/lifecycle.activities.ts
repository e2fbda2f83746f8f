import { ApplicationFailure } from '@temporalio/activity';
import type { AccountState, Employee, LifecycleAction, LifecycleEvent } from '@tenure/domain';
import type { Entitlement } from '@tenure/policy';
import type { EmployeeLifecycleState } from '@tenure/temporal-contracts';
import { ConnectorGatewayClient, GatewayError } from '../../gateway/connector-gateway.client';
import type { IdentityRepository } from '../../identity/identity.repository';
import { OutcomePublisher, outcomeIdOf } from '../../outcomes/outcome.publisher';
import type { PolicyService } from '../../policy/policy.service';

export interface LifecycleActivityDependencies {
  identity: IdentityRepository;
  gateway: ConnectorGatewayClient;
  outcomes: OutcomePublisher;
  policy: PolicyService;
}

/** Which event and run a step belongs to: the audit trail links every action to both. */
export interface StepContext {
  eventId: string;
  workflowId: string;
}

export interface ProvisionAccountInput extends StepContext {
  employee: Employee;
  entitlement: Entitlement;
}

export interface DisableAccountInput extends StepContext {
  employeeId: string;
  appId: string;
  externalId: string;
}

export interface StepFailureInput extends StepContext {
  employeeId: string;
  appId: string;
  action: LifecycleAction;
  reason: string;
}

/** Gateway refusals become Temporal failures: retryable ones are retried with back-off, the rest stop at once. */
function toActivityFailure(error: unknown): unknown {
  if (!(error instanceof GatewayError)) return error;
  if (error.retryable) {
    return ApplicationFailure.create({
      message: error.message,
      type: error.code,
      nextRetryDelay: error.retryAfterSeconds ? `${error.retryAfterSeconds}s` : undefined,
    });
  }
  return ApplicationFailure.nonRetryable(error.message, error.code);
}

async function callGateway<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw toActivityFailure(error);
  }
}

export function createLifecycleActivities(deps: LifecycleActivityDependencies) {
  const { identity, gateway, outcomes, policy } = deps;

  /** Every step's result goes to the audit service, succeeded (with the app's id) or failed (with the reason). */
  async function publishOutcome(
    step: StepContext & { employeeId: string; appId: string; action: LifecycleAction },
    result: { outcome: 'succeeded'; externalId: string } | { outcome: 'failed'; reason: string },
  ) {
    await outcomes.publish({
      outcomeId: outcomeIdOf(step),
      at: new Date().toISOString(),
      employeeId: step.employeeId,
      appId: step.appId,
      action: step.action,
      eventId: step.eventId,
      workflowId: step.workflowId,
      actor: 'system',
      ...result,
    });
  }

  return {
    async recordPerson(event: LifecycleEvent, state: EmployeeLifecycleState): Promise<void> {
      await identity.savePerson(event.employee, state, event.eventId);
    },

    /** Evaluates policy for the person and stores the result as their desired entitlements. */
    async planAccess(event: LifecycleEvent): Promise<Entitlement[]> {
      const entitlements = policy.entitlementsFor(event.employee);
      await identity.saveEntitlements(event.employee.employeeId, entitlements, event.eventId);
      return entitlements;
    },

    async knownAccounts(employeeId: string): Promise<AccountState[]> {
      return identity.accountsOf(employeeId);
    },

    async provisionAccount(input: ProvisionAccountInput): Promise<AccountState> {
      const { employee, entitlement } = input;
      const account = await callGateway(() =>
        gateway.createAccount(entitlement.appId, { employee, groups: entitlement.groups }),
      );
      const step = {
        ...input,
        employeeId: employee.employeeId,
        appId: entitlement.appId,
        externalId: account.externalId,
      };
      await identity.saveAccount({ ...step, status: 'active' });
      await publishOutcome(
        { ...step, action: 'account.create' },
        { outcome: 'succeeded', externalId: account.externalId },
      );
      return { appId: entitlement.appId, status: 'active', externalId: account.externalId };
    },

    async disableAccount(input: DisableAccountInput): Promise<AccountState> {
      await callGateway(() => gateway.disableAccount(input.appId, input.externalId));
      await identity.saveAccount({ ...input, status: 'disabled' });
      await publishOutcome(
        { ...input, action: 'account.disable' },
        { outcome: 'succeeded', externalId: input.externalId },
      );
      return { appId: input.appId, status: 'disabled', externalId: input.externalId };
    },

    /** A step that will not succeed: visible in the ops API with its reason, and in the audit trail. */
    async recordStepFailure(input: StepFailureInput): Promise<AccountState> {
      await identity.saveAccount({ ...input, status: 'failed' });
      await publishOutcome(input, { outcome: 'failed', reason: input.reason });
      return { appId: input.appId, status: 'failed', reason: input.reason };
    },
  };
}

export type LifecycleActivities = ReturnType<typeof createLifecycleActivities>;
