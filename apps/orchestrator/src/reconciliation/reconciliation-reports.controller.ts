import { Controller, Get } from '@nestjs/common';
import { OpsRead } from '../ops/ops-access';
import { LatestReconciliationReports, ReconciliationHistoryService } from './reconciliation-history.service';

/** Each app's latest reconciliation report, whichever run (scheduled or on demand) produced it. */
@Controller('v1/reconciliation-reports')
export class ReconciliationReportsController {
  constructor(private readonly history: ReconciliationHistoryService) {}

  @Get('latest')
  @OpsRead()
  latest(): Promise<LatestReconciliationReports> {
    return this.history.latest();
  }
}
