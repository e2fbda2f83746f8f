import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { Actor } from '../ops/actor.decorator';
import { DecisionDto } from '../ops/dto/access-request.dto';
import { MassChangesQueryDto } from './dto/mass-changes-query.dto';
import { MassChangesService } from './mass-changes.service';
import type { MassChangeDecisionResult, MassChangeDetail, MassChangeSummary } from './mass-change.views';

@Controller('v1/mass-changes')
export class MassChangesController {
  constructor(private readonly massChanges: MassChangesService) {}

  @Get()
  async list(@Query() query: MassChangesQueryDto): Promise<{ items: MassChangeSummary[] }> {
    return { items: await this.massChanges.list(query.status) };
  }

  @Get(':batchId')
  get(@Param('batchId') batchId: string): Promise<MassChangeDetail> {
    return this.massChanges.get(batchId);
  }

  @Post(':batchId/approve')
  @HttpCode(200)
  approve(
    @Param('batchId') batchId: string,
    @Actor() actor: string,
    @Body() body: DecisionDto,
  ): Promise<MassChangeDecisionResult> {
    return this.massChanges.decide(batchId, 'approved', actor, body.reason);
  }

  @Post(':batchId/reject')
  @HttpCode(200)
  reject(
    @Param('batchId') batchId: string,
    @Actor() actor: string,
    @Body() body: DecisionDto,
  ): Promise<MassChangeDecisionResult> {
    return this.massChanges.decide(batchId, 'rejected', actor, body.reason);
  }
}
