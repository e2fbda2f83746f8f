export const ACCOUNT_STATUSES = ['pending', 'active', 'suspended', 'disabled', 'deleted', 'failed'] as const;
export type AccountStatus = (typeof ACCOUNT_STATUSES)[number];

/** Dotted action names recorded in outcomes and the audit trail. */
export const LIFECYCLE_ACTIONS = [
  'account.create',
  /** Created disabled ahead of a future start: the account exists, nobody can sign in until `account.enable`. */
  'account.prepare',
  'account.update',
  'account.disable',
  'account.suspend',
  'account.enable',
  'account.delete',
  'group.add',
  'group.remove',
  'sessions.revoke',
  'ownership.transfer',
] as const;
export type LifecycleAction = (typeof LIFECYCLE_ACTIONS)[number];

export const OUTCOME_RESULTS = ['succeeded', 'failed'] as const;
export type OutcomeResult = (typeof OUTCOME_RESULTS)[number];

export const ACTOR_KINDS = ['system', 'operator', 'approver'] as const;
export type ActorKind = (typeof ACTOR_KINDS)[number];

/** The result of one step against one app, published for the audit service. */
export interface LifecycleOutcome {
  /** Deterministic per step, so a re-published outcome is recognised as the same one. */
  outcomeId: string;
  at: string;
  employeeId: string;
  appId: string;
  action: LifecycleAction;
  outcome: OutcomeResult;
  eventId: string;
  workflowId: string;
  actor: ActorKind;
  /**
   * Who acted: for a person (operator or approver) an employeeId or an operator name; for the
   * system, the part of Tenure that acted when it was not a lifecycle run (`reconciliation`).
   */
  actorId?: string;
  /** The policy rule (or access request) that justified the step. */
  rule?: string;
  /** The group a `group.add` or `group.remove` step was about: one outcome per group. */
  group?: string;
  externalId?: string;
  reason?: string;
}

/** What Tenure knows of one of a person's accounts in one app. */
export interface AccountState {
  appId: string;
  status: AccountStatus;
  externalId?: string;
  reason?: string;
}
