import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ENVIRONMENT } from '@tenure/config';
import { DataSource } from 'typeorm';
import { ACCOUNT_STATE_ACTIONS } from '../access/account-history';
import type { AuditEnvironment } from '../audit.environment';
import { DeprovisioningQueryDto } from './dto/deprovisioning-query.dto';
import { AccountStep, leaverTimeline, LeaverStatus } from './leaver-timeline';
import { Percentiles, percentiles } from './percentiles';

const DEFAULT_PERIOD_MS = 30 * 24 * 3600 * 1000;
const HOUR_MS = 3600 * 1000;

export interface LeaverReport {
  employeeId: string;
  eventId: string;
  effectiveAt: string;
  status: LeaverStatus;
  deprovisionedAt: string | null;
  /** From the effective moment to the last account off; for an open leaver, the time elapsed so far. */
  durationMs: number | null;
  elapsedMs: number;
  breached: boolean;
  apps: { appId: string; removedAt: string | null }[];
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
    /** Over the deprovisioned leavers, in milliseconds. */
    percentilesMs: Percentiles | null;
  };
  leavers: LeaverReport[];
  breaches: LeaverReport[];
}

interface TerminationRow {
  employee_id: string;
  event_id: string;
  effective_at: Date;
}

interface StepRow {
  employee_id: string;
  app_id: string;
  action: string;
  at: Date;
}

/**
 * Time to deprovision, from the record alone: for each person whose termination
 * took effect in the period (the first, if HR sent several), the HR effective
 * moment, the moment their last account was switched off, and the difference.
 */
@Injectable()
export class DeprovisioningService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(ENVIRONMENT) private readonly env: AuditEnvironment,
  ) {}

  async report(query: DeprovisioningQueryDto): Promise<DeprovisioningReport> {
    const now = new Date();
    const to = query.to ? new Date(query.to) : now;
    const from = query.from ? new Date(query.from) : new Date(to.getTime() - DEFAULT_PERIOD_MS);
    const targetHours = query.targetHours ?? this.env.AUDIT_DEPROVISION_TARGET_HOURS;
    const terminations: TerminationRow[] = await this.dataSource.query(
      `SELECT DISTINCT ON (employee_id) employee_id, event_id, effective_at
       FROM audit_events
       WHERE kind = 'hr.event' AND action = 'hr.terminate' AND effective_at >= $1 AND effective_at < $2
         AND effective_at <= $3
       ORDER BY employee_id, effective_at, seq`,
      [from.toISOString(), to.toISOString(), now.toISOString()],
    );
    const steps = await this.accountSteps(terminations.map((t) => t.employee_id));
    const leavers = terminations
      .map((termination) => this.leaver(termination, steps.get(termination.employee_id) ?? [], now, targetHours))
      .sort((a, b) => a.effectiveAt.localeCompare(b.effectiveAt) || a.employeeId.localeCompare(b.employeeId));
    const breaches = leavers.filter((leaver) => leaver.breached);
    const durations = leavers.flatMap((leaver) => (leaver.durationMs === null ? [] : [leaver.durationMs]));
    return {
      from: from.toISOString(),
      to: to.toISOString(),
      targetHours,
      summary: {
        leavers: leavers.length,
        deprovisioned: leavers.filter((l) => l.status === 'deprovisioned').length,
        open: leavers.filter((l) => l.status === 'open').length,
        withoutAccess: leavers.filter((l) => l.status === 'no_access').length,
        breaches: breaches.length,
        percentilesMs: percentiles(durations),
      },
      leavers,
      breaches,
    };
  }

  private leaver(termination: TerminationRow, steps: AccountStep[], now: Date, targetHours: number): LeaverReport {
    const effectiveAt = termination.effective_at;
    const timeline = leaverTimeline(effectiveAt, steps);
    const durationMs = timeline.deprovisionedAt ? timeline.deprovisionedAt.getTime() - effectiveAt.getTime() : null;
    const elapsedMs = durationMs ?? (timeline.status === 'open' ? now.getTime() - effectiveAt.getTime() : 0);
    return {
      employeeId: termination.employee_id,
      eventId: termination.event_id,
      effectiveAt: effectiveAt.toISOString(),
      status: timeline.status,
      deprovisionedAt: timeline.deprovisionedAt?.toISOString() ?? null,
      durationMs,
      elapsedMs,
      breached: elapsedMs > targetHours * HOUR_MS,
      apps: timeline.apps,
    };
  }

  private async accountSteps(employeeIds: string[]): Promise<Map<string, AccountStep[]>> {
    const byEmployee = new Map<string, AccountStep[]>();
    if (employeeIds.length === 0) return byEmployee;
    const rows: StepRow[] = await this.dataSource.query(
      `SELECT employee_id, app_id, action, at FROM audit_events
       WHERE kind = 'outcome' AND outcome = 'succeeded' AND employee_id = ANY($1::text[])
         AND action = ANY($2::text[])
       ORDER BY employee_id, app_id, at, seq`,
      [employeeIds, ACCOUNT_STATE_ACTIONS],
    );
    for (const row of rows) {
      const steps = byEmployee.get(row.employee_id) ?? [];
      steps.push({ appId: row.app_id, action: row.action, at: row.at });
      byEmployee.set(row.employee_id, steps);
    }
    return byEmployee;
  }
}
