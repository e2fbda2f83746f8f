import {
  ActivityFailure,
  allHandlersFinished,
  ApplicationFailure,
  condition,
  continueAsNew,
  proxyActivities,
  setHandler,
  workflowInfo,
} from '@temporalio/workflow';
import type { AccountState, LifecycleAction, LifecycleEvent } from '@tenure/domain';
import {
  EmployeeLifecycleInput,
  EmployeeLifecycleSnapshot,
  EmployeeLifecycleState,
  employeeSnapshotQuery,
  lifecycleEventSignal,
} from '@tenure/temporal-contracts';
import type { LifecycleActivities } from '../activities/lifecycle.activities';

/** Bookkeeping against Tenure's own database: quick, retried until it works. */
const store = proxyActivities<LifecycleActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '500 milliseconds', maximumInterval: '30 seconds' },
});

/**
 * Calls to apps: each retried on its own with exponential back-off. A refusal
 * that cannot succeed (the app rejects the data) fails at once, non-retryable;
 * an app that stays down for an hour leaves the step failed with its reason.
 */
const apps = proxyActivities<LifecycleActivities>({
  startToCloseTimeout: '1 minute',
  scheduleToCloseTimeout: '1 hour',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

/** Event ids remembered to drop redelivered events; older ones are also dropped by hr-ingest. */
const REMEMBERED_EVENT_IDS = 200;

function failureReason(error: unknown): string {
  const cause = error instanceof ActivityFailure ? error.cause : error;
  if (cause instanceof ApplicationFailure) return `${cause.type ?? 'error'}: ${cause.message}`;
  return cause instanceof Error ? cause.message : String(cause);
}

/**
 * One durable workflow per person: their HR events arrive as signals and are
 * applied one at a time, in order, so two changes to a person never race.
 */
export async function employeeLifecycleWorkflow(input: EmployeeLifecycleInput): Promise<void> {
  const { employeeId } = input;
  const workflowId = workflowInfo().workflowId;
  const pending: LifecycleEvent[] = [];
  const applied: string[] = [...(input.appliedEventIds ?? [])];
  let state: EmployeeLifecycleState = input.state ?? 'new';
  let lastEventId = input.lastEventId;
  const accounts = new Map<string, AccountState>((input.accounts ?? []).map((a) => [a.appId, a]));

  setHandler(lifecycleEventSignal, (event) => {
    const known = applied.includes(event.eventId) || pending.some((p) => p.eventId === event.eventId);
    if (!known) pending.push(event);
  });
  setHandler(employeeSnapshotQuery, (): EmployeeLifecycleSnapshot => ({
    employeeId,
    state,
    accounts: [...accounts.values()],
    lastEventId,
    pendingEvents: pending.length,
  }));

  async function runStep(
    event: LifecycleEvent,
    appId: string,
    action: LifecycleAction,
    step: () => Promise<AccountState>,
  ): Promise<void> {
    try {
      accounts.set(appId, await step());
    } catch (error) {
      const reason = failureReason(error);
      const context = { eventId: event.eventId, workflowId, employeeId, appId, action, reason };
      accounts.set(appId, await store.recordStepFailure(context));
    }
  }

  async function applyJoiner(event: LifecycleEvent): Promise<void> {
    await store.recordPerson(event, 'active');
    const entitlements = await store.planAccess(event);
    const known = new Map((await store.knownAccounts(employeeId)).map((a) => [a.appId, a]));
    // Apps are provisioned in parallel; one slow or failing app never holds up the others.
    await Promise.all(
      entitlements
        .filter((entitlement) => known.get(entitlement.appId)?.status !== 'active')
        .map((entitlement) =>
          runStep(event, entitlement.appId, 'account.create', () =>
            apps.provisionAccount({ eventId: event.eventId, workflowId, employee: event.employee, entitlement }),
          ),
        ),
    );
    state = 'active';
  }

  async function applyLeaver(event: LifecycleEvent): Promise<void> {
    await store.recordPerson(event, 'terminated');
    const known = await store.knownAccounts(employeeId);
    await Promise.all(
      known
        .filter((account) => account.externalId && account.status !== 'disabled' && account.status !== 'deleted')
        .map((account) =>
          runStep(event, account.appId, 'account.disable', () =>
            apps.disableAccount({
              eventId: event.eventId,
              workflowId,
              employeeId,
              appId: account.appId,
              externalId: account.externalId as string,
            }),
          ),
        ),
    );
    state = 'terminated';
  }

  async function apply(event: LifecycleEvent): Promise<void> {
    switch (event.type) {
      case 'hire':
      case 'rehire':
        return applyJoiner(event);
      case 'change':
        // A leaver's record may still change in HR; that never brings their access back (a rehire does).
        if (state === 'terminated') return store.recordPerson(event, state);
        return applyJoiner(event);
      case 'terminate':
        return applyLeaver(event);
      default:
        // leave_start, leave_end and cancel_hire: recorded on the person, no account change yet.
        await store.recordPerson(event, state);
    }
  }

  for (;;) {
    await condition(() => pending.length > 0 || workflowInfo().continueAsNewSuggested);
    if (pending.length === 0) break;
    const event = pending.shift() as LifecycleEvent;
    await apply(event);
    lastEventId = event.eventId;
    applied.push(event.eventId);
    if (applied.length > REMEMBERED_EVENT_IDS) applied.splice(0, applied.length - REMEMBERED_EVENT_IDS);
  }

  // History is getting long: carry the state into a fresh run once no handler is mid-way.
  await condition(allHandlersFinished);
  await continueAsNew<typeof employeeLifecycleWorkflow>({
    employeeId,
    state,
    lastEventId,
    appliedEventIds: applied,
    accounts: [...accounts.values()],
  });
}
