import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { Allow, PersonPrincipal, SignedInPerson } from '@tenure/auth';
import { ApiOkResponse } from '@nestjs/swagger';
import { OpsRead } from '../ops/ops-access';
import { PolicyRolloutListView, PolicyRolloutView } from './dto/policy-rollout.view';
import type { PolicyRolloutEntity } from './policy-rollout.entity';
import { PolicyRolloutService } from './policy-rollout.service';

@Controller('v1/policy/rollouts')
export class PolicyRolloutController {
  constructor(private readonly rollouts: PolicyRolloutService) {}

  @Get()
  @OpsRead()
  @ApiOkResponse({ type: PolicyRolloutListView })
  async list(): Promise<{ items: PolicyRolloutEntity[] }> {
    return { items: await this.rollouts.list() };
  }

  @Post(':rolloutId/approve')
  @HttpCode(200)
  @ApiOkResponse({ type: PolicyRolloutView })
  @Allow('approver')
  approve(
    @Param('rolloutId') rolloutId: string,
    @SignedInPerson() person: PersonPrincipal,
  ): Promise<PolicyRolloutEntity> {
    return this.rollouts.approve(rolloutId, person.actorId);
  }

  @Post(':rolloutId/reject')
  @HttpCode(200)
  @ApiOkResponse({ type: PolicyRolloutView })
  @Allow('approver')
  reject(
    @Param('rolloutId') rolloutId: string,
    @SignedInPerson() person: PersonPrincipal,
  ): Promise<PolicyRolloutEntity> {
    return this.rollouts.reject(rolloutId, person.actorId);
  }
}
