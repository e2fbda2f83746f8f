import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOkResponse, ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional, Matches } from 'class-validator';
import { OpsOperate, OpsRead } from '../ops/ops-access';
import { ReconciliationRunView } from './dto/reconciliation-run.view';
import { ReconciliationService } from './reconciliation.service';

export class StartReconciliationRequest {
  @ApiPropertyOptional({ pattern: '^[a-z][a-z0-9-]{0,62}$' })
  @IsOptional()
  @Matches(/^[a-z][a-z0-9-]{0,62}$/, { message: 'appId must be a configured app id' })
  appId?: string;

  /** Disable this run's orphans, within `reconciliation.maxAutoDisable` (beyond it they need approval). */
  @IsOptional()
  @IsBoolean({ message: 'disableOrphans must be true or false' })
  disableOrphans?: boolean;
}

export class ReconciliationParams {
  @ApiProperty({ pattern: '^reconciliation-[A-Za-z0-9:_.-]{1,200}$' })
  @Matches(/^reconciliation-[A-Za-z0-9:_.-]{1,200}$/, { message: 'id must be a reconciliation id' })
  id: string;
}

/** On the ops API (operators, or the ops service credential): start a reconciliation, then read its report. */
@Controller('v1/reconciliations')
export class ReconciliationController {
  constructor(private readonly reconciliations: ReconciliationService) {}

  @Post()
  @HttpCode(HttpStatus.ACCEPTED)
  @OpsOperate()
  @ApiAcceptedResponse({
    type: ReconciliationRunView,
    description: 'Started: read its report at GET /v1/reconciliations/{id}.',
  })
  start(@Body() body: StartReconciliationRequest): Promise<ReconciliationRunView> {
    return this.reconciliations.start({
      ...(body.appId ? { appId: body.appId } : {}),
      ...(body.disableOrphans ? { disableOrphans: true } : {}),
    });
  }

  @Get(':id')
  @OpsRead()
  @ApiOkResponse({ type: ReconciliationRunView })
  get(@Param() { id }: ReconciliationParams): Promise<ReconciliationRunView> {
    return this.reconciliations.get(id);
  }
}
