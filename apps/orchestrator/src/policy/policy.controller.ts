import { Controller, Get, Inject } from '@nestjs/common';
import type { PolicyRule } from '@tenure/policy';
import { ApiOkResponse } from '@nestjs/swagger';
import { OpsRead } from '../ops/ops-access';
import { PolicyInForceView } from './dto/policy-in-force.view';
import { PolicyService } from './policy.service';

export const POLICY_TEXT = Symbol('POLICY_TEXT');

export interface PolicyInForce {
  /** config/policy.yaml as the orchestrator read it at start (a `${VAR}` shows as written, never its value). */
  text: string;
  rules: PolicyRule[];
}

/** The policy in force, so a candidate can be compared with it (`POST /v1/policy/preview`). */
@Controller('v1/policy')
export class PolicyController {
  constructor(
    private readonly policy: PolicyService,
    @Inject(POLICY_TEXT) private readonly text: string,
  ) {}

  @Get()
  @OpsRead()
  @ApiOkResponse({ type: PolicyInForceView })
  inForce(): PolicyInForceView {
    return { text: this.text, rules: this.policy.rules };
  }
}
