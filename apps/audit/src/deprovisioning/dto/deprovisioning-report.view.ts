import { ApiProperty } from '@nestjs/swagger';
import type { DeprovisioningReport, LeaverReport } from '../deprovisioning.service';
import type { LeaverStatus } from '../leaver-timeline';
import type { Percentiles } from '../percentiles';

export class PercentilesView implements Percentiles {
  p50!: number;
  p90!: number;
  p95!: number;
  p99!: number;
  max!: number;
}

export class LeaverAppView {
  appId!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  removedAt!: string | null;
}

export class LeaverReportView implements LeaverReport {
  employeeId!: string;
  eventId!: string;
  effectiveAt!: string;
  @ApiProperty({ enum: ['deprovisioned', 'open', 'no_access'] })
  status!: LeaverStatus;
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  deprovisionedAt!: string | null;
  /** From the effective moment to the last account off; null while accounts remain. */
  @ApiProperty({ type: Number, nullable: true })
  durationMs!: number | null;
  elapsedMs!: number;
  breached!: boolean;
  apps!: LeaverAppView[];
}

export class DeprovisioningSummaryView {
  leavers!: number;
  deprovisioned!: number;
  open!: number;
  withoutAccess!: number;
  breaches!: number;
  /** Over the deprovisioned leavers, in milliseconds; null without any. */
  @ApiProperty({ type: PercentilesView, nullable: true })
  percentilesMs!: PercentilesView | null;
}

/** Time to deprovision over a period, from the record alone. */
export class DeprovisioningReportView implements DeprovisioningReport {
  @ApiProperty({ format: 'date-time' })
  from!: string;
  @ApiProperty({ format: 'date-time' })
  to!: string;
  targetHours!: number;
  summary!: DeprovisioningSummaryView;
  leavers!: LeaverReportView[];
  breaches!: LeaverReportView[];
}
