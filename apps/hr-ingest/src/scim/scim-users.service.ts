import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import SCIMMY from 'scimmy';
import type { LifecycleEvent } from '@tenure/domain';
import type { KnownEmployee } from '../inbox/acceptance';
import { InboxService } from '../inbox/inbox.service';
import { HR_SOURCES, HrSourcesConfig, ValueMapsConfig } from '../sources/hr-sources.config';
import { buildLifecycleEvent, contentEventId } from '../sources/lifecycle-event.factory';
import { ScimException } from './scim-error';
import {
  SCIM_ATTRIBUTE_OF,
  ScimPerson,
  ScimUser,
  employeeFromScimUser,
  scimUserFromEmployee,
} from './scim-user.mapper';
import { scimUserSchema } from './scim-schemas';

export const SCIM_SOURCE = 'scim';

export type ScimMethod = 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** What a SCIM operation answers: its status and, except for DELETE, the user as Tenure now knows them. */
export interface ScimOutcome {
  status: number;
  id: string;
  resource?: ScimUser;
}

/** SCIMMY reports bad input as its own SCIM errors or as TypeErrors naming the attribute. */
function asScimException(error: unknown): unknown {
  if (error instanceof SCIMMY.Types.Error) {
    const status = error.status >= 400 && error.status < 500 ? error.status : 400;
    return new ScimException(status, error.message, error.scimType as never);
  }
  // Whatever else SCIMMY throws while reading a request is about the request, never about Tenure.
  if (error instanceof Error) return new ScimException(400, error.message, 'invalidValue');
  return error;
}

function hashOf(content: unknown): string {
  return createHash('sha256').update(JSON.stringify(content)).digest('hex');
}

/**
 * SCIM 2.0 inbound provisioning of Users. Tenure keeps no SCIM store: a
 * request describes the person's state, which becomes a lifecycle event
 * (active → hire, change or rehire; inactive or deleted → terminate), and the
 * user's id is their employee id. The same request again is a duplicate.
 */
@Injectable()
export class ScimUsersService {
  private readonly values: ValueMapsConfig | undefined;

  constructor(
    private readonly inbox: InboxService,
    @Inject(HR_SOURCES) sources: HrSourcesConfig,
  ) {
    this.values = sources.mappingOf('scim')?.values;
  }

  async create(data: unknown): Promise<ScimOutcome> {
    const person = this.personOf(data);
    const employeeId = person.employee.employeeId;
    const known = employeeId ? (await this.inbox.known([employeeId])).get(employeeId) : undefined;
    return this.ingest('POST', person, data, known);
  }

  /** PUT: the whole user. An id Tenure has not seen yet is taken as a new person (HR is the source of truth). */
  async replace(id: string, data: unknown): Promise<ScimOutcome> {
    const person = this.personOf(data);
    this.checkSameId(id, person);
    person.employee.employeeId = id;
    const known = (await this.inbox.known([id])).get(id);
    return this.ingest('PUT', person, data, known, id);
  }

  async patch(id: string, body: unknown): Promise<ScimOutcome> {
    const known = await this.require(id);
    let patched: ScimUser;
    try {
      const message = new SCIMMY.Messages.PatchOp(body as ConstructorParameters<typeof SCIMMY.Messages.PatchOp>[0]);
      const current = new (scimUserSchema())(scimUserFromEmployee(known.employee, this.isActive(known.lastType)));
      // SCIMMY answers undefined when the operations change nothing.
      patched = ((await message.apply(current)) ?? current) as unknown as ScimUser;
    } catch (error) {
      throw asScimException(error);
    }
    const person = employeeFromScimUser(patched, this.values);
    this.checkSameId(id, person);
    return this.ingest('PATCH', person, body, known, id);
  }

  /** DELETE: the person leaves. */
  async remove(id: string): Promise<ScimOutcome> {
    const known = await this.require(id);
    return this.ingest('DELETE', { employee: known.employee, active: false }, null, known, id);
  }

  async get(id: string): Promise<ScimOutcome> {
    const known = await this.require(id);
    return { status: 200, id, resource: scimUserFromEmployee(known.employee, this.isActive(known.lastType)) };
  }

  private async ingest(
    method: ScimMethod,
    person: ScimPerson,
    content: unknown,
    known: KnownEmployee | undefined,
    pathId?: string,
  ): Promise<ScimOutcome> {
    const contentHash = hashOf({ method, id: pathId ?? null, content });
    const created = method === 'POST' ? 201 : 200;
    if (known && known.lastContentHash === contentHash) {
      // The request that produced the person's last event, delivered again.
      return this.outcome(method, 200, known.employee, this.isActive(known.lastType));
    }
    const built = buildLifecycleEvent(
      {
        source: SCIM_SOURCE,
        // The same content after another event is a new fact (terminated, rehired, terminated again).
        eventId: contentEventId(SCIM_SOURCE, { contentHash, after: known?.lastEventId ?? null }),
        leaving: !person.active,
        employee: person.employee,
        receivedAt: new Date().toISOString(),
      },
      known,
      (field) => SCIM_ATTRIBUTE_OF[field] ?? field,
    );
    if (!built.ok) {
      throw new ScimException(
        400,
        built.errors.map((error) => `${error.field}: ${error.message}`).join('; '),
        'invalidValue',
      );
    }
    const acceptance = await this.inbox.accept(built.event, contentHash);
    return this.outcome(
      method,
      acceptance.status === 'accepted' ? created : 200,
      built.event.employee,
      this.isActive(built.event.type),
    );
  }

  private outcome(method: ScimMethod, status: number, employee: LifecycleEvent['employee'], active: boolean) {
    if (method === 'DELETE') return { status: 204, id: employee.employeeId };
    return { status, id: employee.employeeId, resource: scimUserFromEmployee(employee, active) };
  }

  private isActive(type: LifecycleEvent['type']): boolean {
    return type !== 'terminate' && type !== 'cancel_hire';
  }

  private personOf(data: unknown): ScimPerson {
    if (typeof data !== 'object' || data === null || Array.isArray(data)) {
      throw new ScimException(400, 'the request body must be a SCIM User object', 'invalidSyntax');
    }
    try {
      return employeeFromScimUser(new (scimUserSchema())(data, 'in') as unknown as ScimUser, this.values);
    } catch (error) {
      throw asScimException(error);
    }
  }

  private checkSameId(id: string, person: ScimPerson): void {
    const given = person.employee.employeeId;
    if (given !== undefined && given !== id) {
      throw new ScimException(
        400,
        `employeeNumber ${given} does not match the user id ${id} in the path`,
        'invalidValue',
      );
    }
  }

  private async require(id: string): Promise<KnownEmployee> {
    const known = (await this.inbox.known([id])).get(id);
    if (!known) throw new ScimException(404, `no user with id ${id}`);
    return known;
  }
}
