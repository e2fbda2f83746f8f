import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { AllowService, PersonPrincipal, Principal, SignedIn, SignedInActor, SignedInPerson } from '@tenure/auth';
import type { AccessRequestRecord } from '@tenure/temporal-contracts';
import { AccessRequestsService } from './access-requests.service';
import { AccessRequestDto, DecisionDto } from './dto/access-request.dto';
import { OPS_SERVICE_SCOPE } from './ops-access';

@Controller('v1')
export class AccessRequestsController {
  constructor(private readonly requests: AccessRequestsService) {}

  @Post('employees/:employeeId/access-requests')
  @HttpCode(201)
  @SignedIn()
  @AllowService(OPS_SERVICE_SCOPE)
  request(
    @Param('employeeId') employeeId: string,
    @SignedInActor() actor: Principal,
    @Body() body: AccessRequestDto,
  ): Promise<AccessRequestRecord> {
    return this.requests.request(employeeId, actor, body);
  }

  /** A person decides (the requester's manager or the entitlement's owner); a service credential never does. */
  @Post('access-requests/:requestId/approve')
  @HttpCode(200)
  @SignedIn()
  approve(@Param('requestId') requestId: string, @SignedInPerson() person: PersonPrincipal, @Body() body: DecisionDto) {
    return this.requests.decide(requestId, person, true, body.reason);
  }

  @Post('access-requests/:requestId/deny')
  @HttpCode(200)
  @SignedIn()
  deny(@Param('requestId') requestId: string, @SignedInPerson() person: PersonPrincipal, @Body() body: DecisionDto) {
    return this.requests.decide(requestId, person, false, body.reason);
  }
}
