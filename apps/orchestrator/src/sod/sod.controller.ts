import { Controller, Get, Query } from '@nestjs/common';
import { applyDecorators } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';
import { Allow, AllowService } from '@tenure/auth';
import { OPS_SERVICE_SCOPE } from '../ops/ops-access';
import { SodViolationsQueryDto } from './dto/sod-violations-query.dto';
import { PersonViolationsView, SodRulesView } from './dto/sod.view';
import { SodService } from './sod.service';

/** Operators, approvers and auditors read the rules and who breaks them; so does the ops service credential. */
const SodRead = () => applyDecorators(Allow('operator', 'approver', 'auditor'), AllowService(OPS_SERVICE_SCOPE));

@Controller('v1/sod')
export class SodController {
  constructor(private readonly sod: SodService) {}

  @Get('rules')
  @SodRead()
  @ApiOkResponse({ type: SodRulesView })
  rules(): SodRulesView {
    return { rules: this.sod.configured };
  }

  @Get('violations')
  @SodRead()
  @ApiOkResponse({ type: PersonViolationsView })
  async violations(@Query() query: SodViolationsQueryDto): Promise<PersonViolationsView> {
    return { items: await this.sod.violations(query.employeeId ? [query.employeeId] : undefined) };
  }
}
