import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { LatestReconciliationReports } from '../reconciliation-history.service';
import type { ReconciliationRun, ReconciliationStatus } from '../reconciliation.service';
import { AppReconciliationReportView, ReconciliationReportView } from './reconciliation-report.view';

/** A reconciliation: running, or done with its report (or the error that stopped it). */
export class ReconciliationRunView implements ReconciliationRun {
  id!: string;
  @ApiProperty({ enum: ['running', 'completed', 'failed'] })
  status!: ReconciliationStatus;
  appId?: string;
  report?: ReconciliationReportView;
  @ApiPropertyOptional()
  error?: string;
}

export class LatestAppReportView {
  appId!: string;
  reconciliationId!: string;
  @ApiProperty({ format: 'date-time' })
  finishedAt!: string;
  report!: AppReconciliationReportView;
}

/** Each app's latest report, whichever run produced it. */
export class LatestReconciliationReportsView implements LatestReconciliationReports {
  items!: LatestAppReportView[];
  /** Reconciliations still running. */
  running!: string[];
}
