import type { LifecycleAction } from '@tenure/domain';
import type { ChangeKind } from '@tenure/temporal-contracts';

/** The audit action each planned change is recorded as. */
export const ACTION_OF: Record<ChangeKind, LifecycleAction> = {
  create: 'account.create',
  enable: 'account.enable',
  update: 'account.update',
  'group.add': 'group.add',
  'group.remove': 'group.remove',
  disable: 'account.disable',
  suspend: 'account.suspend',
  revoke_sessions: 'sessions.revoke',
  transfer_ownership: 'ownership.transfer',
  delete: 'account.delete',
};
