import { Controller, Get, Query } from '@nestjs/common';
import { applyDecorators } from '@nestjs/common';
import { Allow, AllowService } from '@tenure/auth';
import { OPS_SERVICE_SCOPE } from '../ops/ops-access';
import { SodViolationsQueryDto } from './dto/sod-violations-query.dto';
import { SodService } from './sod.service';

/** Operators, approvers and auditors read the rules and who breaks them; so does the ops service credential. */
const SodRead = () => applyDecorators(Allow('operator', 'approver', 'auditor'), AllowService(OPS_SERVICE_SCOPE));

@Controller('v1/sod')
export class SodController {
  constructor(private readonly sod: SodService) {}

  @Get('rules')
  @SodRead()
  rules() {
    return { rules: this.sod.configured };
  }

  @Get('violations')
  @SodRead()
  async violations(@Query() query: SodViolationsQueryDto) {
    return { items: await this.sod.violations(query.employeeId ? [query.employeeId] : undefined) };
  }
}
