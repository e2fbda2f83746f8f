import { ApplicationFailure } from '@temporalio/activity';
import type { PlanDecisionMessage } from '@tenure/contracts';
import { isDataError } from '@tenure/database';
import type { AccountState, ActorKind, LifecycleEvent } from '@tenure/domain';
import type {
  AccessRequestRecord,
  EmployeeLifecycleState,
  LifecyclePlan,
  PhaseCommit,
  PhaseName,
  PlannedChange,
  PlanSubject,
  RemovalAdmission,
  RemovalRequest,
  RemovalSettlement,
  RunState,
} from '@tenure/temporal-contracts';
import type { ConnectorGatewayClient } from '../../gateway/connector-gateway.client';
import type { IdentityRepository, PersonRecord } from '../../identity/identity.repository';
import type { RunRepository } from '../../identity/run.repository';
import type { MassChangeLedger } from '../../mass-change/mass-change.ledger';
import { DecisionPublisher } from '../outcomes/decision.publisher';
import { OutcomePublisher } from '../outcomes/outcome.publisher';
import type { PlannerService } from '../planning/planner.service';
import { UnplannableEventError } from '../planning/unplannable-event.error';
import type { SodService } from '../../sod/sod.service';
import { applyChangeThroughGateway } from './apply-change';
import { FirstTryOutcome, firstTries, PhaseSteps } from './first-tries';
import { StepResult, stepOutcomes } from './step-outcomes';

export interface LifecycleActivityDependencies {
  identity: IdentityRepository;
  runs: RunRepository;
  gateway: ConnectorGatewayClient;
  outcomes: OutcomePublisher;
  decisions: DecisionPublisher;
  planner: PlannerService;
  massChanges: MassChangeLedger;
  /** Separation of duties, checked when a phase commits new birthright entitlements (absent: no check). */
  sod?: Pick<SodService, 'checkBirthright'>;
}

/** Which run, phase and actor a step belongs to: the audit trail links every action to them. */
export interface StepContext {
  runId: string;
  eventId: string;
  workflowId: string;
  employeeId: string;
  phase: PhaseName;
  actor: ActorKind;
  actorId?: string;
  /** 0 for the first try, then one more per operator retry. */
  attempt: number;
}

export interface ApplyChangeInput extends StepContext {
  change: PlannedChange;
}

export interface PhaseCommitInput {
  employeeId: string;
  eventId: string;
  commit: PhaseCommit;
}

/** A due phase: what the ledger is asked (when it removes access), what it commits, each app's changes in order. */
export interface PhaseStart {
  removal?: RemovalRequest;
  commit?: PhaseCommitInput;
  apps: ApplyChangeInput[][];
}

export interface PhaseStarted {
  admission: RemovalAdmission;
  /** Each app's first tries, as firstTries gives them; none when the ledger did not admit the phase. */
  tries: FirstTryOutcome[][];
}

export interface StepFailureInput extends StepContext {
  change: PlannedChange;
  reason: string;
}

/**
 * A write the identity store refuses because of a value in it (a NUL
 * character, a time out of range) is refused on every retry: it fails for
 * good as INVALID_DATA, and the workflow rejects the run it belongs to. The
 * database being away is retried as before.
 */
async function storing<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (!isDataError(error)) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw ApplicationFailure.nonRetryable(`the identity store refused a value: ${reason}`, 'INVALID_DATA');
  }
}

export function createLifecycleActivities(deps: LifecycleActivityDependencies) {
  const { identity, runs, gateway, outcomes, decisions, planner, massChanges } = deps;

  function publishOutcome(step: StepContext & { change: PlannedChange }, result: StepResult) {
    return outcomes.publish(...stepOutcomes(step, result));
  }

  /** A phase's changes for one person: the person and their accounts read once, what went through written once. */
  const phaseSteps: PhaseSteps<Map<string, PersonRecord>> = {
    async read(inputs) {
      const employeeIds = [...new Set(inputs.map((input) => input.employeeId))];
      const records = await Promise.all(employeeIds.map((employeeId) => identity.findPerson(employeeId)));
      const missing = employeeIds.find((_employeeId, index) => !records[index]);
      if (missing) throw ApplicationFailure.nonRetryable(`no person ${missing} in the identity store`, 'NO_PERSON');
      return new Map(employeeIds.map((employeeId, index) => [employeeId, records[index]!]));
    },

    async carryOut(known, input, previous, givenUp) {
      const { change } = input;
      const { person, accounts } = known.get(input.employeeId)!;
      const account = previous ?? accounts.find((candidate) => candidate.appId === change.appId);
      const result = await applyChangeThroughGateway(
        givenUp ? gateway.until(givenUp) : gateway,
        person.attributes,
        change,
        account?.externalId ?? undefined,
      );
      const status = result.status ?? account?.status ?? 'active';
      return { appId: change.appId, status, externalId: result.externalId };
    },

    async record(applied) {
      await identity.saveAccounts(
        applied.map(({ input, account }) => ({
          employeeId: input.employeeId,
          appId: account.appId,
          status: account.status,
          eventId: input.eventId,
          externalId: account.externalId,
        })),
      );
      await outcomes.publish(
        ...applied.flatMap(({ input, account }) =>
          stepOutcomes(input, { outcome: 'succeeded', externalId: account.externalId }),
        ),
      );
    },
  };

  /** What a phase writes before its changes run: the person's state, attributes and desired entitlements. */
  async function commitPhase(input: PhaseCommitInput): Promise<void> {
    const { commit } = input;
    const attributes = commit.attributes ?? (await identity.personOf(input.employeeId))?.attributes;
    if (!attributes) return;
    // Before anything is granted: a birthright grant that breaks a separation-of-duties rule is recorded.
    if (commit.entitlements && deps.sod) {
      await deps.sod.checkBirthright(input.employeeId, commit.entitlements, {
        subjectId: `${input.employeeId}/${input.eventId}`,
      });
    }
    await storing(async () => {
      await identity.savePerson(attributes, commit.state, input.eventId);
      if (commit.entitlements) await identity.saveEntitlements(input.employeeId, commit.entitlements, input.eventId);
    });
  }

  return {
    /** Plans a subject from the identity store's current view: the same code the dry-run API runs. */
    async planRun(input: { subject: PlanSubject; now: string }): Promise<LifecyclePlan> {
      try {
        return await planner.plan(input.subject, input.now);
      } catch (error) {
        // An event that cannot be planned never will be: refuse it instead of retrying forever.
        if (error instanceof UnplannableEventError)
          throw ApplicationFailure.nonRetryable(error.message, 'INVALID_EVENT');
        throw error;
      }
    },

    async recordPerson(event: LifecycleEvent, state: EmployeeLifecycleState): Promise<void> {
      await storing(() => identity.savePerson(event.employee, state, event.eventId));
    },

    commitPhase,

    async knownAccounts(employeeId: string): Promise<AccountState[]> {
      return identity.accountsOf(employeeId);
    },

    /** One planned change against one app, recorded in the identity store and the audit trail. */
    async applyChange(input: ApplyChangeInput): Promise<AccountState> {
      const known = await phaseSteps.read([input]);
      const account = await phaseSteps.carryOut(known, input);
      await phaseSteps.record([{ input, account }]);
      return account;
    },

    /** The first try of a phase's changes, one per app, with one read and one write of the identity store. */
    async applyChangesOnce(inputs: ApplyChangeInput[]): Promise<FirstTryOutcome[]> {
      const outcomes = await firstTries(
        inputs.map((input) => [input]),
        phaseSteps,
      );
      return outcomes.map(([outcome]) => outcome);
    },

    /** The first tries of all of a phase's changes, each app's in order, with one read and one write of the store. */
    async applyChangeSequencesOnce(apps: ApplyChangeInput[][]): Promise<FirstTryOutcome[][]> {
      return firstTries(apps, phaseSteps);
    },

    /** A step that will not succeed by itself: visible in the ops API with its reason, and in the audit trail. */
    async recordStepFailure(input: StepFailureInput): Promise<void> {
      const { change } = input;
      await storing(async () => {
        if (change.change === 'create') {
          await identity.saveAccount({
            employeeId: input.employeeId,
            appId: change.appId,
            status: 'failed',
            eventId: input.eventId,
            reason: input.reason,
          });
        } else {
          await identity.setAccountReason(input.employeeId, change.appId, input.reason);
        }
      });
      await publishOutcome(input, { outcome: 'failed', reason: input.reason.slice(0, 2000) });
    },

    /** Asks the org-wide mass-change ledger whether a phase may disable or delete now; the same phase gets the same answer. */
    async admitRemoval(request: RemovalRequest): Promise<RemovalAdmission> {
      return massChanges.admit(request);
    },

    async settleRemoval(settlement: RemovalSettlement): Promise<void> {
      await massChanges.settle(settlement);
    },

    /**
     * A due phase started in one local activity: asked of the mass-change
     * ledger when it removes access, committed, and its changes' first tries
     * made. Nothing is committed or changed unless the ledger admitted it. A
     * refused ledger or commit fails the whole call, retried as they were on
     * their own; the apps' failures are in their outcomes.
     */
    async startPhase(input: PhaseStart): Promise<PhaseStarted> {
      const admission: RemovalAdmission = input.removal
        ? await massChanges.admit(input.removal)
        : { decision: 'admitted' };
      if (admission.decision !== 'admitted') return { admission, tries: [] };
      if (input.commit) await commitPhase(input.commit);
      return { admission, tries: input.apps.length > 0 ? await firstTries(input.apps, phaseSteps) : [] };
    },

    async saveRun(run: RunState): Promise<void> {
      await storing(() => runs.saveRun(run));
    },

    /**
     * A run saved after a phase whose next phase is due at once, and that
     * phase planned from the store as the saved phase left it. A subject that
     * cannot be planned gives no plan: the workflow plans it again itself, and
     * is refused there as before.
     */
    async saveRunAndPlan(input: { run: RunState; now: string }): Promise<LifecyclePlan | undefined> {
      await storing(() => runs.saveRun(input.run));
      try {
        return await planner.plan(input.run.subject, input.now);
      } catch {
        return undefined;
      }
    },

    async saveAccessRequest(request: AccessRequestRecord): Promise<void> {
      await storing(() => runs.saveAccessRequest(request));
    },

    async publishDecision(decision: PlanDecisionMessage): Promise<void> {
      await decisions.publish(decision);
    },

    /** A run saved with the decision it reached, in one call: the run first, then the decision for the audit trail. */
    async recordDecision(input: { run: RunState; decision: PlanDecisionMessage }): Promise<void> {
      await storing(() => runs.saveRun(input.run));
      await decisions.publish(input.decision);
    },
  };
}

export type LifecycleActivities = ReturnType<typeof createLifecycleActivities>;
