import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import type { RunState } from '@tenure/temporal-contracts';
import { Actor } from './actor.decorator';
import { DecisionDto } from './dto/access-request.dto';
import { RetryDto } from './dto/retry.dto';
import { RunsQueryDto } from './dto/runs-query.dto';
import { RunsService } from './runs.service';

@Controller('v1/runs')
export class RunsController {
  constructor(private readonly runs: RunsService) {}

  @Get()
  list(@Query() query: RunsQueryDto): Promise<{ items: RunState[] }> {
    return this.runs.list(query.status, query.limit);
  }

  @Get(':runId')
  get(@Param('runId') runId: string): Promise<RunState> {
    return this.runs.get(runId);
  }

  @Post(':runId/retry')
  @HttpCode(200)
  retry(@Param('runId') runId: string, @Actor() actor: string, @Body() body: RetryDto): Promise<RunState> {
    return this.runs.command('retry', runId, actor, body);
  }

  @Post(':runId/approve')
  @HttpCode(200)
  approve(@Param('runId') runId: string, @Actor() actor: string, @Body() body: DecisionDto): Promise<RunState> {
    return this.runs.command('approve', runId, actor, body);
  }

  @Post(':runId/reject')
  @HttpCode(200)
  reject(@Param('runId') runId: string, @Actor() actor: string, @Body() body: DecisionDto): Promise<RunState> {
    return this.runs.command('reject', runId, actor, body);
  }

  @Post(':runId/cancel')
  @HttpCode(200)
  cancel(@Param('runId') runId: string, @Actor() actor: string, @Body() body: DecisionDto): Promise<RunState> {
    return this.runs.command('cancel', runId, actor, body);
  }
}
