import { ApplicationFailure, patched, setHandler } from '@temporalio/workflow';
import {
  AccessRequestRecord,
  PlanSubject,
  revokeAccessUpdate,
  RunState,
  runIdOf,
  UpdateErrorType,
} from '@tenure/temporal-contracts';
import { store } from './activity-proxies';
import { LifecycleContext, nowIso, saveAndPublish, saveRun } from './lifecycle-context';

/** Marks the histories in which granted access was revoked before its end (by an access review). */
export const ACCESS_REVIEW_REVOKE_PATCH = 'access-review-revoke';

const refuse = (type: UpdateErrorType, message: string) => ApplicationFailure.nonRetryable(message, type);

function grantedRequest(context: LifecycleContext, requestId: string): AccessRequestRecord {
  const request = context.accessRequests.get(requestId);
  if (!request) throw refuse('NOT_FOUND', `no access request ${requestId} for ${context.employeeId}`);
  if (request.status !== 'approved') {
    throw refuse('CONFLICT', `access request ${requestId} is ${request.status}: only granted access can be revoked`);
  }
  return request;
}

/**
 * Revoking granted access is its end brought forward: a run whose `grant`
 * phase is behind it and whose `expire` phase is due now, planned, guarded
 * against mass changes, executed and audited like any other. A later expiry
 * of the original grant is cancelled, it has nothing left to do.
 */
export function installAccessRevocation(context: LifecycleContext): void {
  setHandler(
    revokeAccessUpdate,
    async (input) => {
      const request = grantedRequest(context, input.requestId);
      patched(ACCESS_REVIEW_REVOKE_PATCH);
      const now = nowIso();
      Object.assign(request, { status: 'revoked', revokedBy: input.actorId, revokedAt: now });
      await store.saveAccessRequest(request);
      const grant = context.runs.get(runIdOf(context.employeeId, `access-${request.requestId}`));
      if (grant && grant.status === 'scheduled') {
        Object.assign(grant, { status: 'cancelled', nextAt: undefined, reason: `revoked by ${input.actorId}` });
        await saveRun(grant);
      }
      const subject: PlanSubject = { kind: 'access', request: { ...request, endDate: now } };
      const run: RunState = {
        runId: runIdOf(context.employeeId, `revoke-${request.requestId}`),
        employeeId: context.employeeId,
        eventId: `revoke-${request.requestId}`,
        eventType: 'change',
        subject,
        status: 'scheduled',
        effectiveAt: now,
        nextAt: now,
        completedPhases: ['grant'],
        steps: [],
        actorId: input.actorId,
        reason: input.reason,
        createdAt: now,
        updatedAt: now,
      };
      context.runs.set(run.runId, run);
      await saveAndPublish(context, run, 'planned', {
        actor: 'approver',
        actorId: input.actorId,
        reason: input.reason,
      });
      return run;
    },
    { validator: (input) => void grantedRequest(context, input.requestId) },
  );
}
