import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';
import { OpsRead } from '../ops/ops-access';
import { LatestReconciliationReportsView } from './dto/reconciliation-run.view';
import { ReconciliationHistoryService } from './reconciliation-history.service';

/** Each app's latest reconciliation report, whichever run (scheduled or on demand) produced it. */
@Controller('v1/reconciliation-reports')
export class ReconciliationReportsController {
  constructor(private readonly history: ReconciliationHistoryService) {}

  @Get('latest')
  @OpsRead()
  @ApiOkResponse({ type: LatestReconciliationReportsView })
  latest(): Promise<LatestReconciliationReportsView> {
    return this.history.latest();
  }
}
