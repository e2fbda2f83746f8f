import { BadRequestException, ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import type { PersonPrincipal, Principal } from '@tenure/auth';
import type { AppCatalogue } from '@tenure/config';
import { AccessRequestRecord, decideAccessUpdate, requestAccessUpdate } from '@tenure/temporal-contracts';
import { RunRepository } from '../identity/run.repository';
import { PolicyService } from '../policy/policy.service';
import { RequestClearance, SodService } from '../sod/sod.service';
import { AccessRequestDto } from './dto/access-request.dto';
import { WorkflowCommandsService } from './workflow-commands.service';

/**
 * Only what the app's catalogue lists may be requested (a free-text group
 * would be created in the app by its connector). Returns the owners of what
 * is asked for: each approves as well as the manager.
 */
function requestableOwners(body: AccessRequestDto, catalogue: AppCatalogue): string[] {
  const errors: { field: string; message: string }[] = [];
  const owners = new Set<string>();
  for (const kind of ['groups', 'roles'] as const) {
    const listed = catalogue[kind];
    body[kind].forEach((name, index) => {
      const entry = listed.find((e) => e.name === name);
      if (entry?.owner) owners.add(entry.owner);
      if (!entry) {
        const known = listed.map((e) => e.name).join(', ') || 'none';
        errors.push({
          field: `${kind}[${index}]`,
          message: `${name} is not in ${body.appId}'s catalogue of requestable ${kind} (requestable: ${known})`,
        });
      }
    });
  }
  if (errors.length > 0) throw new BadRequestException({ errors });
  return [...owners];
}

/** Access beyond birthright: requests go to the person's workflow, which the manager's decision drives. */
@Injectable()
export class AccessRequestsService {
  constructor(
    private readonly runs: RunRepository,
    private readonly commands: WorkflowCommandsService,
    private readonly policy: PolicyService,
    private readonly sod: SodService,
  ) {}

  async request(
    employeeId: string,
    requester: Principal,
    body: AccessRequestDto,
  ): Promise<AccessRequestRecord & { sod?: RequestClearance }> {
    const catalogue = this.policy.catalogueOf(body.appId);
    if (!catalogue) {
      throw new BadRequestException({
        errors: [{ field: 'appId', message: `unknown app ${body.appId} (known: ${this.policy.appIds.join(', ')})` }],
      });
    }
    const rolesRefused = body.roles.length > 0 ? this.policy.rolesRefusal(body.appId) : undefined;
    if (rolesRefused) throw new BadRequestException({ errors: [{ field: 'roles', message: rolesRefused }] });
    const catalogueOwners = requestableOwners(body, catalogue);
    // Separation of duties is checked before anything is asked of an approver: a `medium` rule's approver decides too.
    const { clearance, recordFor } = await this.sod.clearRequest(employeeId, body, requester);
    const owners = [...new Set([...catalogueOwners, ...clearance.approvers])];
    const record = await this.commands.execute(employeeId, requestAccessUpdate, {
      appId: body.appId,
      roles: body.roles,
      groups: body.groups,
      reason: body.reason,
      ...(body.endDate ? { endDate: body.endDate } : {}),
      requestedBy: requester.actorId,
      ...(owners.length > 0 ? { owners } : {}),
    });
    await this.sod.record(recordFor(record.requestId));
    return clearance.violations.length > 0 ? { ...record, sod: clearance } : record;
  }

  /**
   * The approver is the person the signed-in identity is (its employee id
   * claim); the workflow then checks that they are the person's manager or
   * an owner of what is asked for, and waits until each has approved.
   */
  async decide(
    requestId: string,
    person: PersonPrincipal,
    approve: boolean,
    reason?: string,
  ): Promise<AccessRequestRecord> {
    const request = await this.runs.findAccessRequest(requestId);
    if (!request) throw new NotFoundException({ error: 'not_found', message: `no access request ${requestId}` });
    const forbidden = (message: string) => new ForbiddenException({ error: 'forbidden', message });
    if (!person.employeeId) {
      throw forbidden('your sign-in names no person in the HR data, so you decide no access requests');
    }
    if (person.employeeId === request.employeeId || person.actorId === request.requestedBy) {
      throw forbidden(`access request ${requestId} is your own: someone else decides it`);
    }
    return this.commands.execute(request.employeeId, decideAccessUpdate, {
      requestId,
      approverId: person.employeeId,
      approve,
      reason,
    });
  }
}
