import { BadRequestException, Injectable, NotFoundException } from '@nestjs/common';
import { AccessRequestRecord, decideAccessUpdate, requestAccessUpdate } from '@tenure/temporal-contracts';
import { RunRepository } from '../identity/run.repository';
import { PolicyService } from '../policy/policy.service';
import { AccessRequestDto } from './dto/access-request.dto';
import { WorkflowCommandsService } from './workflow-commands.service';

/** Access beyond birthright: requests go to the person's workflow, which the manager's decision drives. */
@Injectable()
export class AccessRequestsService {
  constructor(
    private readonly runs: RunRepository,
    private readonly commands: WorkflowCommandsService,
    private readonly policy: PolicyService,
  ) {}

  request(employeeId: string, requestedBy: string, body: AccessRequestDto): Promise<AccessRequestRecord> {
    if (!this.policy.appIds.includes(body.appId)) {
      throw new BadRequestException({
        errors: [{ field: 'appId', message: `unknown app ${body.appId} (known: ${this.policy.appIds.join(', ')})` }],
      });
    }
    const rolesRefused = body.roles.length > 0 ? this.policy.rolesRefusal(body.appId) : undefined;
    if (rolesRefused) throw new BadRequestException({ errors: [{ field: 'roles', message: rolesRefused }] });
    return this.commands.execute(employeeId, requestAccessUpdate, {
      appId: body.appId,
      roles: body.roles,
      groups: body.groups,
      reason: body.reason,
      ...(body.endDate ? { endDate: body.endDate } : {}),
      requestedBy,
    });
  }

  async decide(requestId: string, approverId: string, approve: boolean, reason?: string): Promise<AccessRequestRecord> {
    const request = await this.runs.findAccessRequest(requestId);
    if (!request) throw new NotFoundException({ error: 'not_found', message: `no access request ${requestId}` });
    return this.commands.execute(request.employeeId, decideAccessUpdate, { requestId, approverId, approve, reason });
  }
}
