import { HttpException } from '@nestjs/common';
import type { UpdateDefinition } from '@temporalio/client';
import { AccessRevocationInput, revokeAccessUpdate, RunState } from '@tenure/temporal-contracts';
import type { ConnectorGatewayClient } from '../gateway/connector-gateway.client';
import { OutcomePublisher, outcomeIdOf } from '../lifecycle/outcomes/outcome.publisher';
import type { ReviewItemEntity, RevocationStatus } from './review-item.entity';

export interface Revocation {
  revocation: RevocationStatus;
  detail: string | null;
  runId?: string;
}

/** The one call of WorkflowCommandsService a revoke needs (the harness and the service pass their own). */
export interface WorkflowCommands {
  execute<Result, Command>(
    employeeId: string,
    update: UpdateDefinition<Result, [Command]>,
    command: Command,
  ): Promise<Result>;
}

function reasonOf(error: unknown): string {
  if (error instanceof HttpException) {
    const body = error.getResponse();
    return typeof body === 'object' && body && 'message' in body ? String(body.message) : error.message;
  }
  return error instanceof Error ? error.message : String(error);
}

/**
 * Carries out a reviewer's revoke by the path the access came by: granted
 * access ends through the person's workflow (planned, guarded, executed,
 * audited); an account reconciliation found is disabled through the gateway
 * and recorded as the reviewer's step; birthright access would be granted
 * again by policy, so it is reported as needing a policy change.
 */
export class ReviewRevoker {
  constructor(
    private readonly commands: WorkflowCommands,
    private readonly gateway: Pick<ConnectorGatewayClient, 'disableAccount'>,
    private readonly outcomes: OutcomePublisher,
  ) {}

  async revoke(item: ReviewItemEntity, actorId: string, reason: string): Promise<Revocation> {
    if (item.source === 'birthright') {
      return {
        revocation: 'policy_change_needed',
        detail: `granted by policy rule ${item.access.rules.join(', ')}: change config/policy.yaml or the person's HR attributes`,
      };
    }
    if (item.source === 'access_request' && item.employeeId && item.access.requestId) {
      try {
        const command: AccessRevocationInput = { requestId: item.access.requestId, actorId, reason };
        const run: RunState = await this.commands.execute(item.employeeId, revokeAccessUpdate, command);
        return { revocation: 'requested', detail: null, runId: run.runId };
      } catch (error) {
        return { revocation: 'failed', detail: reasonOf(error) };
      }
    }
    return this.disableFoundAccount(item, actorId);
  }

  private async disableFoundAccount(item: ReviewItemEntity, actorId: string): Promise<Revocation> {
    const externalId = item.access.externalId;
    if (!externalId) return { revocation: 'failed', detail: 'the item names no account to disable' };
    const base = {
      at: new Date().toISOString(),
      employeeId: item.employeeId ?? item.access.userName ?? externalId,
      appId: item.appId,
      action: 'account.disable' as const,
      eventId: item.campaignId,
      workflowId: item.campaignId,
      actor: 'approver' as const,
      actorId,
      rule: `access-review:${item.campaignId}`,
      externalId,
    };
    try {
      await this.gateway.disableAccount(item.appId, externalId);
    } catch (error) {
      const detail = reasonOf(error);
      await this.outcomes.publish({
        ...base,
        outcomeId: outcomeIdOf({ ...base, qualifiers: [externalId, 'failed'] }),
        outcome: 'failed',
        reason: detail.slice(0, 2000),
      });
      return { revocation: 'failed', detail };
    }
    await this.outcomes.publish({
      ...base,
      outcomeId: outcomeIdOf({ ...base, qualifiers: [externalId, 'succeeded'] }),
      outcome: 'succeeded',
    });
    return { revocation: 'revoked', detail: null };
  }
}
