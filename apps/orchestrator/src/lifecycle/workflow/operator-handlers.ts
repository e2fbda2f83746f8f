import { ApplicationFailure, patched, setHandler, uuid4 } from '@temporalio/workflow';
import {
  AccessRequestRecord,
  approveRunUpdate,
  cancelRunUpdate,
  decideAccessUpdate,
  PlanSubject,
  rejectRunUpdate,
  requestAccessUpdate,
  retryStepUpdate,
  RunCommand,
  RunState,
  runIdOf,
  RunStatus,
  UpdateErrorType,
} from '@tenure/temporal-contracts';
import { stopAttempts } from './access-removal-retries';
import { store } from './activity-proxies';
import { LifecycleContext, nowIso, saveAndPublish, saveRun } from './lifecycle-context';

const refuse = (type: UpdateErrorType, message: string) => ApplicationFailure.nonRetryable(message, type);

function runIn(context: LifecycleContext, command: RunCommand, allowed: RunStatus[]): RunState {
  const run = context.runs.get(command.runId);
  if (!run) throw refuse('NOT_FOUND', `no run ${command.runId} for ${context.employeeId}`);
  if (!allowed.includes(run.status))
    throw refuse('CONFLICT', `run ${command.runId} is ${run.status}, not ${allowed.join(' or ')}`);
  return run;
}

/**
 * An operator's decision on a whole run: it applies only to runs in `allowed`
 * states (the validator refuses the rest before anything changes), moves the
 * run to `next` and is published with who decided and why.
 */
function installRunDecision(
  context: LifecycleContext,
  update: typeof approveRunUpdate,
  allowed: RunStatus[],
  next: Extract<RunStatus, 'scheduled' | 'rejected' | 'cancelled'>,
  decision: 'approved' | 'rejected' | 'cancelled',
): void {
  setHandler(
    update,
    async (command) => {
      const run = runIn(context, command, allowed);
      const held = run.status === 'waiting_approval' ? run.massChange : undefined;
      // The ledger learns of the decision first, so the run's next question about this phase is answered with it.
      if (held)
        await store.settleRemoval({
          entryId: held.entryId,
          status: next === 'scheduled' ? 'approved' : next,
          actorId: command.actorId,
        });
      Object.assign(run, { status: next, actorId: command.actorId, reason: command.reason });
      // A run that will not happen has no next moment, nor next attempt.
      if (next !== 'scheduled') {
        run.nextAt = undefined;
        stopAttempts(run);
      }
      await saveAndPublish(context, run, decision, {
        actor: 'operator',
        actorId: command.actorId,
        reason: command.reason,
        ...(held ? { qualifier: held.phase } : {}),
      });
      return run;
    },
    { validator: (command) => void runIn(context, command, allowed) },
  );
}

/** Operators approve, reject, cancel and retry runs; validators refuse what does not apply before anything changes. */
export function installOperatorHandlers(context: LifecycleContext): void {
  installRunDecision(context, approveRunUpdate, ['waiting_approval'], 'scheduled', 'approved');
  installRunDecision(context, rejectRunUpdate, ['waiting_approval'], 'rejected', 'rejected');
  // A failed run too: how an operator stops the retries of a removal they dealt with by hand.
  installRunDecision(context, cancelRunUpdate, ['scheduled', 'waiting_approval', 'failed'], 'cancelled', 'cancelled');
  const failedSteps = (command: RunCommand & { appId?: string }) => {
    const run = runIn(context, command, ['failed']);
    const steps = run.steps.filter(
      (s) => s.status === 'needs_attention' && (!command.appId || s.appId === command.appId),
    );
    if (steps.length === 0)
      throw refuse(
        'CONFLICT',
        `run ${command.runId} has no failed step${command.appId ? ` for ${command.appId}` : ''}`,
      );
    return { run, steps };
  };
  setHandler(
    retryStepUpdate,
    async (command) => {
      const { run, steps } = failedSteps(command);
      steps.forEach((step) => (step.status = 'retrying'));
      Object.assign(run, { status: 'running', actorId: command.actorId });
      context.retries.add(run.runId);
      await saveRun(run);
      return run;
    },
    { validator: (command) => void failedSteps(command) },
  );
}

/**
 * `strict` adds the rules that came with signing in (nobody decides their own
 * request; owners approve as well as the manager). Decisions already in a
 * history were made without them and must replay as they were.
 */
function pendingRequest(
  context: LifecycleContext,
  requestId: string,
  approverId: string,
  strict: boolean,
): AccessRequestRecord {
  const request = context.accessRequests.get(requestId);
  if (!request) throw refuse('NOT_FOUND', `no access request ${requestId}`);
  if (request.status !== 'pending') throw refuse('CONFLICT', `access request ${requestId} is ${request.status}`);
  if (!context.managerId) throw refuse('FORBIDDEN', `${context.employeeId} has no manager to decide the request`);
  if (!strict) {
    if (approverId !== context.managerId) {
      throw refuse('FORBIDDEN', `only ${context.employeeId}'s manager may decide this request`);
    }
    return request;
  }
  if (approverId === request.employeeId || approverId === request.requestedBy) {
    throw refuse('FORBIDDEN', `access request ${requestId} is your own: someone else decides it`);
  }
  if (approverId !== context.managerId && !(request.owners ?? []).includes(approverId)) {
    throw refuse(
      'FORBIDDEN',
      `only ${context.employeeId}'s manager or an owner of what is asked for may decide this request`,
    );
  }
  if ((request.approvedBy ?? []).includes(approverId)) {
    throw refuse('CONFLICT', `you have approved access request ${requestId} already`);
  }
  return request;
}

/** The manager's approval and each owner's; one person who is both approves once. */
function approvalsMissing(context: LifecycleContext, request: AccessRequestRecord, approverId: string): string[] {
  const approved = new Set([...(request.approvedBy ?? []), approverId]);
  return [...new Set([context.managerId as string, ...(request.owners ?? [])])].filter((id) => !approved.has(id));
}

/** Access beyond birthright: requested, then approved or denied by the person's manager. */
export function installAccessHandlers(context: LifecycleContext): void {
  setHandler(
    requestAccessUpdate,
    async (input) => {
      const request: AccessRequestRecord = {
        requestId: uuid4(),
        employeeId: context.employeeId,
        appId: input.appId,
        roles: input.roles,
        groups: input.groups,
        reason: input.reason,
        ...(input.endDate ? { endDate: input.endDate } : {}),
        status: 'pending',
        requestedBy: input.requestedBy,
        ...(input.owners?.length ? { owners: input.owners } : {}),
        createdAt: nowIso(),
      };
      context.accessRequests.set(request.requestId, request);
      await store.saveAccessRequest(request);
      return request;
    },
    {
      validator: (input) => {
        if (!input.appId) throw refuse('INVALID', 'appId is required');
        if (context.state !== 'active' && context.state !== 'on_leave') {
          throw refuse(
            'CONFLICT',
            `${context.employeeId} is ${context.state}: access can be requested for active people only`,
          );
        }
      },
    },
  );
  setHandler(
    decideAccessUpdate,
    async (input) => {
      const request = pendingRequest(context, input.requestId, input.approverId, patched('access-approvers'));
      // Owners approve as well as the manager: until the last of them has, the request stays pending.
      if (input.approve && approvalsMissing(context, request, input.approverId).length > 0) {
        request.approvedBy = [...(request.approvedBy ?? []), input.approverId];
        await store.saveAccessRequest(request);
        return request;
      }
      Object.assign(request, {
        status: input.approve ? 'approved' : 'denied',
        decidedBy: input.approverId,
        decidedAt: nowIso(),
      });
      await store.saveAccessRequest(request);
      const subject: PlanSubject = { kind: 'access', request: { ...request } };
      const now = nowIso();
      const run: RunState = {
        runId: runIdOf(context.employeeId, `access-${request.requestId}`),
        employeeId: context.employeeId,
        eventId: `access-${request.requestId}`,
        eventType: 'change',
        subject,
        status: input.approve ? 'scheduled' : 'rejected',
        effectiveAt: now,
        nextAt: input.approve ? now : undefined,
        completedPhases: [],
        steps: [],
        actorId: input.approverId,
        reason: input.reason ?? request.reason,
        createdAt: now,
        updatedAt: now,
      };
      context.runs.set(run.runId, run);
      await saveAndPublish(context, run, input.approve ? 'approved' : 'rejected', {
        actor: 'approver',
        actorId: input.approverId,
        reason: input.reason,
      });
      return request;
    },
    // Validators do not run on replay, so they always apply today's rules.
    { validator: (input) => void pendingRequest(context, input.requestId, input.approverId, true) },
  );
}
