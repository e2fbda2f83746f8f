import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import type { LifecyclePlan } from '@tenure/temporal-contracts';
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
  plan(@Body() body: PlanRequestDto): Promise<LifecyclePlan & { decision: string }> {
    return this.plans.plan(body);
  }
}
