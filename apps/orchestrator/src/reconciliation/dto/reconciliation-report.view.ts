import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type {
  AppReconciliationReport,
  AttributeDrift,
  DriftedAccount,
  OrphanAction,
  OrphanedAccount,
  ReconciliationReport,
  UnmanagedAccount,
} from '../reconciliation.types';

/** An account active in the app although no active person stands behind it. */
export class OrphanedAccountView implements OrphanedAccount {
  externalId!: string;
  userName!: string;
  employeeId?: string;
  /** The person's state in the identity store; absent: Tenure has never heard of them. */
  personState?: string;
}

/** An account Tenure did not create. */
export class UnmanagedAccountView implements UnmanagedAccount {
  externalId!: string;
  userName!: string;
  employeeId?: string;
  active!: boolean;
}

export class AttributeDriftView implements AttributeDrift {
  @ApiProperty({ enum: ['email', 'department', 'title', 'active'] })
  field!: 'email' | 'department' | 'title' | 'active';
  expected?: string;
  actual?: string;
}

/** A managed account whose attributes or groups differ from what the identity store and policy say. */
export class DriftedAccountView implements DriftedAccount {
  externalId!: string;
  employeeId!: string;
  attributes!: AttributeDriftView[];
  missingGroups!: string[];
  extraGroups!: string[];
}

export class ReconciliationCountsView {
  orphaned!: number;
  unmanaged!: number;
  drifted!: number;
  matched!: number;
}

/** One app's findings; each list holds at most 500 entries, the counts give the totals. */
export class AppReconciliationReportView implements AppReconciliationReport {
  appId!: string;
  accountsInApp!: number;
  counts!: ReconciliationCountsView;
  orphaned!: OrphanedAccountView[];
  unmanaged!: UnmanagedAccountView[];
  drifted!: DriftedAccountView[];
  @ApiProperty({ enum: ['none', 'disabled', 'needs_approval'] })
  orphanAction!: OrphanAction;
  /** Orphans disabled by this run (automatic action). */
  disabled!: string[];
  /** Why the app could not be reconciled, when it could not. */
  @ApiPropertyOptional()
  error?: string;
  durationMs!: number;
}

export class ReconciliationReportView implements ReconciliationReport {
  @ApiProperty({ format: 'date-time' })
  startedAt!: string;
  @ApiProperty({ format: 'date-time' })
  finishedAt!: string;
  apps!: AppReconciliationReportView[];
}
