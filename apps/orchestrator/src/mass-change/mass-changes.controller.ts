import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';
import { Allow, PersonPrincipal, SignedInPerson } from '@tenure/auth';
import { DecisionDto } from '../ops/dto/access-request.dto';
import { OpsRead } from '../ops/ops-access';
import { MassChangesQueryDto } from './dto/mass-changes-query.dto';
import { MassChangesService } from './mass-changes.service';
import { MassChangeDecisionView, MassChangeDetailView, MassChangeListView } from './dto/mass-change.view';

@Controller('v1/mass-changes')
export class MassChangesController {
  constructor(private readonly massChanges: MassChangesService) {}

  @Get()
  @OpsRead()
  @ApiOkResponse({ type: MassChangeListView })
  async list(@Query() query: MassChangesQueryDto): Promise<MassChangeListView> {
    return { items: await this.massChanges.list(query.status) };
  }

  @Get(':batchId')
  @OpsRead()
  @ApiOkResponse({ type: MassChangeDetailView })
  get(@Param('batchId') batchId: string): Promise<MassChangeDetailView> {
    return this.massChanges.get(batchId);
  }

  @Post(':batchId/approve')
  @HttpCode(200)
  @ApiOkResponse({ type: MassChangeDecisionView })
  @Allow('approver')
  approve(
    @Param('batchId') batchId: string,
    @SignedInPerson() person: PersonPrincipal,
    @Body() body: DecisionDto,
  ): Promise<MassChangeDecisionView> {
    return this.massChanges.decide(batchId, 'approved', person, body.reason);
  }

  @Post(':batchId/reject')
  @HttpCode(200)
  @ApiOkResponse({ type: MassChangeDecisionView })
  @Allow('approver')
  reject(
    @Param('batchId') batchId: string,
    @SignedInPerson() person: PersonPrincipal,
    @Body() body: DecisionDto,
  ): Promise<MassChangeDecisionView> {
    return this.massChanges.decide(batchId, 'rejected', person, body.reason);
  }
}
