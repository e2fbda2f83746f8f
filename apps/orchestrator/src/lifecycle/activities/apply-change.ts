import { ApplicationFailure } from '@temporalio/activity';
import type { AccountStatus, Employee } from '@tenure/domain';
import type { PlannedChange } from '@tenure/temporal-contracts';
import { ConnectorGatewayClient, GatewayError, profileOf } from '../../gateway/connector-gateway.client';

/** Gateway refusals become Temporal failures: retryable ones are retried with back-off, the rest stop at once. */
export function toActivityFailure(error: unknown): unknown {
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

export interface ChangeResult {
  /** The account's status after the change; undefined when the change leaves it as it was. */
  status?: AccountStatus;
  externalId: string;
}

/** Carries out one planned change through the gateway; every call is idempotent there. */
export async function applyChangeThroughGateway(
  gateway: ConnectorGatewayClient,
  employee: Employee,
  change: PlannedChange,
  externalId: string | undefined,
): Promise<ChangeResult> {
  const { appId } = change;
  try {
    if (change.change === 'create') {
      // Prepared ahead of the start: the account is created disabled in one call, so nobody can sign in
      // before the start, not even for a moment, and a retry that finds it leaves it disabled.
      const created = await gateway.createAccount(appId, {
        employee,
        groups: change.groups ?? [],
        active: !change.pending,
      });
      return { status: change.pending ? 'pending' : 'active', externalId: created.externalId };
    }
    if (!externalId) {
      throw ApplicationFailure.nonRetryable(`no known ${appId} account to ${change.change}`, 'NO_ACCOUNT');
    }
    switch (change.change) {
      case 'enable':
        await gateway.enableAccount(appId, externalId);
        return { status: 'active', externalId };
      case 'update':
        await gateway.updateAccount(appId, externalId, profileOf(employee));
        return { externalId };
      case 'group.add':
        await gateway.updateAccount(appId, externalId, { addGroups: change.groups ?? [] });
        return { externalId };
      case 'group.remove':
        await gateway.updateAccount(appId, externalId, { removeGroups: change.groups ?? [] });
        return { externalId };
      case 'disable':
        await gateway.disableAccount(appId, externalId);
        return { status: 'disabled', externalId };
      case 'suspend':
        await gateway.disableAccount(appId, externalId);
        return { status: 'suspended', externalId };
      case 'revoke_sessions':
        await gateway.revokeSessions(appId, externalId);
        return { externalId };
      case 'transfer_ownership':
        await gateway.transferOwnership(appId, externalId, change.toEmployeeId ?? '');
        return { externalId };
      case 'delete':
        await gateway.deleteAccount(appId, externalId);
        return { status: 'deleted', externalId };
    }
  } catch (error) {
    throw toActivityFailure(error);
  }
}
