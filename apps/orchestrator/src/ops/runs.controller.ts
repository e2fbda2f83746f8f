import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';
import { Allow, PersonPrincipal, Principal, SignedInActor, SignedInPerson } from '@tenure/auth';
import { DecisionDto } from './dto/access-request.dto';
import { RetryDto } from './dto/retry.dto';
import { RunListView, RunView } from './dto/run.view';
import { RunsQueryDto } from './dto/runs-query.dto';
import { OpsOperate, OpsRead } from './ops-access';
import { RunsService } from './runs.service';

@Controller('v1/runs')
export class RunsController {
  constructor(private readonly runs: RunsService) {}

  @Get()
  @OpsRead()
  @ApiOkResponse({ type: RunListView })
  list(@Query() query: RunsQueryDto): Promise<RunListView> {
    return this.runs.list(query.status, query.limit);
  }

  @Get(':runId')
  @OpsRead()
  @ApiOkResponse({ type: RunView })
  get(@Param('runId') runId: string): Promise<RunView> {
    return this.runs.get(runId);
  }

  @Post(':runId/retry')
  @HttpCode(200)
  @ApiOkResponse({ type: RunView })
  @OpsOperate()
  retry(@Param('runId') runId: string, @SignedInActor() actor: Principal, @Body() body: RetryDto): Promise<RunView> {
    return this.runs.command('retry', runId, actor, body);
  }

  @Post(':runId/approve')
  @HttpCode(200)
  @ApiOkResponse({ type: RunView })
  @Allow('approver')
  approve(
    @Param('runId') runId: string,
    @SignedInPerson() person: PersonPrincipal,
    @Body() body: DecisionDto,
  ): Promise<RunView> {
    return this.runs.command('approve', runId, person, body);
  }

  @Post(':runId/reject')
  @HttpCode(200)
  @ApiOkResponse({ type: RunView })
  @Allow('approver')
  reject(
    @Param('runId') runId: string,
    @SignedInPerson() person: PersonPrincipal,
    @Body() body: DecisionDto,
  ): Promise<RunView> {
    return this.runs.command('reject', runId, person, body);
  }

  /** Calling off a scheduled run (a termination, a start) is a person's decision: operators and approvers. */
  @Post(':runId/cancel')
  @HttpCode(200)
  @ApiOkResponse({ type: RunView })
  @Allow('operator', 'approver')
  cancel(
    @Param('runId') runId: string,
    @SignedInPerson() person: PersonPrincipal,
    @Body() body: DecisionDto,
  ): Promise<RunView> {
    return this.runs.command('cancel', runId, person, body);
  }
}
