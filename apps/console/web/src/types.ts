// The shapes of the ops and audit APIs the console reads (see README, "APIs").

export interface Step {
  phase: string;
  appId: string;
  status: string;
  changes: string[];
  failedChange?: string;
  reason?: string;
  retries: number;
  attempts?: number;
  nextAttemptAt?: string;
  at?: string;
}

export interface Run {
  runId: string;
  employeeId: string;
  eventId: string;
  eventType: string;
  status: string;
  effectiveAt: string;
  nextAt?: string;
  completedPhases: string[];
  steps: Step[];
  actorId?: string;
  reason?: string;
  massChange?: { batchId: string };
  createdAt: string;
  updatedAt: string;
}

export interface AccessRequest {
  requestId: string;
  employeeId: string;
  appId: string;
  roles: string[];
  groups: string[];
  reason: string;
  endDate?: string;
  status: string;
  requestedBy: string;
  owners?: string[];
  approvedBy?: string[];
  decidedBy?: string;
  createdAt: string;
}

export interface Employee {
  employeeId: string;
  state: string;
  attributes: Record<string, string | undefined>;
  accounts: { appId: string; status: string; externalId: string | null; reason: string | null; updatedAt: string }[];
  entitlements: { appId: string; roles: string[]; groups: string[]; rules: string[] }[];
  scheduled: Run[];
  waitingApproval: Run[];
  failedSteps: { runId: string; phase: string; appId: string; change?: string; reason?: string; attempts?: number }[];
  accessRequests: AccessRequest[];
  runs: Run[];
}

export interface PersonSummary {
  employeeId: string;
  state: string;
  displayName: string;
  email?: string;
  department?: string;
  title?: string;
}

export interface MassChangeBatch {
  batchId: string;
  status: string;
  window: string;
  limits: { maxPeople: number; maxPeopleDeleted: number };
  openedAt: string;
  counts: { people: number; accounts: number; runs: number; waiting: number };
  sources: string[];
  decidedBy?: string | null;
  reason?: string | null;
}

export interface MassChangeRun {
  runId: string;
  employeeId: string;
  eventType: string;
  source?: string;
  phase: string;
  accounts: { appId: string; change: string }[];
  status: string;
}

export interface AppHealth {
  appId: string;
  displayName: string;
  circuit: 'closed' | 'open' | 'half_open' | 'unknown';
  consecutiveFailures: number;
  openUntil?: string;
  requests: number;
  failed: number;
  errorRate: number | null;
  stepsNeedingAttention: number;
}

export interface Leaver {
  employeeId: string;
  eventId: string;
  effectiveAt: string;
  status: 'deprovisioned' | 'open' | 'no_access';
  deprovisionedAt?: string;
  durationMs?: number;
  elapsedMs?: number;
  breached: boolean;
}

export interface DeprovisioningReport {
  from: string;
  to: string;
  targetHours: number;
  summary: {
    leavers: number;
    deprovisioned: number;
    open: number;
    withoutAccess: number;
    breaches: number;
    percentilesMs: Record<'p50' | 'p90' | 'p95' | 'p99' | 'max', number | null> | null;
  };
  leavers: Leaver[];
  breaches: Leaver[];
}

export interface AuditRecord {
  seq: number;
  id: string;
  kind: string;
  at: string;
  employeeId?: string;
  appId?: string;
  action: string;
  outcome?: string;
  actor?: string;
  actorId?: string;
  rule?: string;
  reason?: string;
  eventId?: string;
}

export interface ReconciliationAppReport {
  appId: string;
  accountsInApp: number;
  counts: { orphaned: number; unmanaged: number; drifted: number; matched: number };
  orphaned: { externalId: string; userName?: string; employeeId?: string }[];
  unmanaged: { externalId: string; userName?: string }[];
  drifted: { externalId: string; employeeId?: string; attributes: { field: string; expected: unknown; actual: unknown }[] }[];
  orphanAction: string;
  disabled: unknown[];
  error?: string;
}

export interface ReconciliationRun {
  id: string;
  status: 'running' | 'completed' | 'failed';
  startedAt?: string;
  report?: { apps: ReconciliationAppReport[]; startedAt?: string; finishedAt?: string } & Record<string, unknown>;
  error?: string;
}

export interface PolicyRollout {
  rolloutId: string;
  status: string;
  people: number;
  peopleLosingAccess: number;
  accountsDisabled: number;
  maxPeople: number;
  decidedBy?: string | null;
  createdAt: string;
}

export interface PolicyPreview {
  sodViolations?: SodViolation[];
  evaluated: number;
  affected: number;
  truncated: boolean;
  totals: Record<string, number>;
  people: {
    employeeId: string;
    gains: { appId: string; account: boolean; groups: string[]; roles: string[]; rules: string[] }[];
    losses: { appId: string; account: boolean; groups: string[]; roles: string[]; rules: string[] }[];
  }[];
}

export interface SodViolation {
  employeeId: string;
  rule: string;
  severity: string;
  entitlements: string[];
  approver?: string;
}

export interface SodRule {
  name: string;
  severity: string;
  entitlements: string[];
  approver?: string;
  description?: string;
}

export interface ReviewCounts {
  items: number;
  decided: number;
  kept: number;
  revoked: number;
  undecided: number;
  overdue: number;
  escalated: number;
  sodConflicts: number;
}

export interface ReviewCampaign {
  campaignId: string;
  name: string;
  status: string;
  startsAt: string;
  dueAt: string;
  createdBy: string;
  openedAt: string | null;
  closedAt: string | null;
  definition: { reviewers: { kind: string; people?: string[] }; undecided: string; duration: string };
  counts?: ReviewCounts;
  completion?: number;
}

export interface ReviewItem {
  itemId: string;
  campaignId: string;
  employeeId: string | null;
  appId: string;
  source: 'birthright' | 'access_request' | 'reconciliation';
  birthright: boolean;
  groups: string[];
  roles: string[];
  rules: string[];
  grantedAt: string | null;
  grantedBy: string | null;
  requestId?: string;
  externalId?: string;
  userName?: string;
  sod: SodViolation[];
  reviewerIds: string[];
  escalatedFrom: string | null;
  decision: 'keep' | 'revoke' | null;
  reason: string | null;
  decidedBy: string | null;
  decidedAt: string | null;
  revocation: string | null;
  revocationDetail: string | null;
  runId: string | null;
}

export interface ReportedReviewItem {
  itemId: string;
  employeeId: string | null;
  appId: string;
  groups: string[];
  roles: string[];
  reviewerIds: string[];
  decidedBy: string | null;
  reason: string | null;
  revocation: string | null;
  revocationDetail: string | null;
  runId?: string;
}

export interface CampaignReport {
  campaignId: string;
  name: string;
  status: string;
  startsAt: string;
  dueAt: string;
  closedAt: string | null;
  counts: ReviewCounts;
  completion: number;
  revoked: ReportedReviewItem[];
  overdue: ReportedReviewItem[];
}

export interface BulkDecisionAnswer {
  confirmed: boolean;
  decision: 'keep' | 'revoke';
  message?: string;
  items?: ReviewItem[];
  decided?: ReviewItem[];
  refused: { itemId: string; reason: string }[];
}
