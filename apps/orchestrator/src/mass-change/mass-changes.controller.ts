import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { Allow, PersonPrincipal, SignedInPerson } from '@tenure/auth';
import { DecisionDto } from '../ops/dto/access-request.dto';
import { OpsRead } from '../ops/ops-access';
import { MassChangesQueryDto } from './dto/mass-changes-query.dto';
import { MassChangesService } from './mass-changes.service';
import type { MassChangeDecisionResult, MassChangeDetail, MassChangeSummary } from './mass-change.views';

@Controller('v1/mass-changes')
export class MassChangesController {
  constructor(private readonly massChanges: MassChangesService) {}

  @Get()
  @OpsRead()
  async list(@Query() query: MassChangesQueryDto): Promise<{ items: MassChangeSummary[] }> {
    return { items: await this.massChanges.list(query.status) };
  }

  @Get(':batchId')
  @OpsRead()
  get(@Param('batchId') batchId: string): Promise<MassChangeDetail> {
    return this.massChanges.get(batchId);
  }

  @Post(':batchId/approve')
  @HttpCode(200)
  @Allow('approver')
  approve(
    @Param('batchId') batchId: string,
    @SignedInPerson() person: PersonPrincipal,
    @Body() body: DecisionDto,
  ): Promise<MassChangeDecisionResult> {
    return this.massChanges.decide(batchId, 'approved', person, body.reason);
  }

  @Post(':batchId/reject')
  @HttpCode(200)
  @Allow('approver')
  reject(
    @Param('batchId') batchId: string,
    @SignedInPerson() person: PersonPrincipal,
    @Body() body: DecisionDto,
  ): Promise<MassChangeDecisionResult> {
    return this.massChanges.decide(batchId, 'rejected', person, body.reason);
  }
}
