import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { Actor } from '../ops/actor.decorator';
import type { PolicyRolloutEntity } from './policy-rollout.entity';
import { PolicyRolloutService } from './policy-rollout.service';

@Controller('v1/policy/rollouts')
export class PolicyRolloutController {
  constructor(private readonly rollouts: PolicyRolloutService) {}

  @Get()
  async list(): Promise<{ items: PolicyRolloutEntity[] }> {
    return { items: await this.rollouts.list() };
  }

  @Post(':rolloutId/approve')
  @HttpCode(200)
  approve(@Param('rolloutId') rolloutId: string, @Actor() actor: string): Promise<PolicyRolloutEntity> {
    return this.rollouts.approve(rolloutId, actor);
  }

  @Post(':rolloutId/reject')
  @HttpCode(200)
  reject(@Param('rolloutId') rolloutId: string, @Actor() actor: string): Promise<PolicyRolloutEntity> {
    return this.rollouts.reject(rolloutId, actor);
  }
}
