import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';
import { PlanView } from './dto/plan.view';
import { PlanRequestDto } from './dto/plan-request.dto';
import { OpsRead } from './ops-access';
import { PlansService } from './plans.service';

@Controller('v1/plans')
export class PlansController {
  constructor(private readonly plans: PlansService) {}

  /** Dry run: what the event would change, app by app, without doing anything. */
  @Post()
  @HttpCode(200)
  @OpsRead()
  @ApiOkResponse({ type: PlanView })
  plan(@Body() body: PlanRequestDto): Promise<PlanView> {
    return this.plans.plan(body);
  }
}
