import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import type { AccessRequestRecord } from '@tenure/temporal-contracts';
import { AccessRequestsService } from './access-requests.service';
import { Actor } from './actor.decorator';
import { AccessRequestDto, DecisionDto } from './dto/access-request.dto';

@Controller('v1')
export class AccessRequestsController {
  constructor(private readonly requests: AccessRequestsService) {}

  @Post('employees/:employeeId/access-requests')
  @HttpCode(201)
  request(
    @Param('employeeId') employeeId: string,
    @Actor() actor: string,
    @Body() body: AccessRequestDto,
  ): Promise<AccessRequestRecord> {
    return this.requests.request(employeeId, actor, body);
  }

  @Post('access-requests/:requestId/approve')
  @HttpCode(200)
  approve(@Param('requestId') requestId: string, @Actor() actor: string, @Body() body: DecisionDto) {
    return this.requests.decide(requestId, actor, true, body.reason);
  }

  @Post('access-requests/:requestId/deny')
  @HttpCode(200)
  deny(@Param('requestId') requestId: string, @Actor() actor: string, @Body() body: DecisionDto) {
    return this.requests.decide(requestId, actor, false, body.reason);
  }
}
