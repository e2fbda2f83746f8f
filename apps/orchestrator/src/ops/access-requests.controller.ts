import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse } from '@nestjs/swagger';
import { AllowService, PersonPrincipal, Principal, SignedIn, SignedInActor, SignedInPerson } from '@tenure/auth';
import { AccessRequestsService } from './access-requests.service';
import { AccessRequestDto, DecisionDto } from './dto/access-request.dto';
import { AccessRequestView } from './dto/access-request.view';
import { OPS_SERVICE_SCOPE } from './ops-access';

@Controller('v1')
export class AccessRequestsController {
  constructor(private readonly requests: AccessRequestsService) {}

  @Post('employees/:employeeId/access-requests')
  @HttpCode(201)
  @ApiCreatedResponse({ type: AccessRequestView })
  @SignedIn()
  @AllowService(OPS_SERVICE_SCOPE)
  request(
    @Param('employeeId') employeeId: string,
    @SignedInActor() actor: Principal,
    @Body() body: AccessRequestDto,
  ): Promise<AccessRequestView> {
    return this.requests.request(employeeId, actor, body);
  }

  /** A person decides (the requester's manager or the entitlement's owner); a service credential never does. */
  @Post('access-requests/:requestId/approve')
  @HttpCode(200)
  @ApiOkResponse({ type: AccessRequestView })
  @SignedIn()
  approve(@Param('requestId') requestId: string, @SignedInPerson() person: PersonPrincipal, @Body() body: DecisionDto) {
    return this.requests.decide(requestId, person, true, body.reason);
  }

  @Post('access-requests/:requestId/deny')
  @HttpCode(200)
  @ApiOkResponse({ type: AccessRequestView })
  @SignedIn()
  deny(@Param('requestId') requestId: string, @SignedInPerson() person: PersonPrincipal, @Body() body: DecisionDto) {
    return this.requests.decide(requestId, person, false, body.reason);
  }
}
