import { BadRequestException, Inject, Injectable } from '@nestjs/common';
import type { FieldError } from '@tenure/contracts';
import type { LifecycleEvent } from '@tenure/domain';
import type { InboxEntry } from '../inbox/acceptance';
import { InboxService } from '../inbox/inbox.service';
import { HR_SOURCES, HrSourcesConfig, SourceMappingConfig } from '../sources/hr-sources.config';
import { buildLifecycleEvent, draftFromMapped, stateDelivery } from '../sources/lifecycle-event.factory';
import { mapRecord } from '../sources/record-mapping';
import { BambooEmployeeDto, BambooWebhookDto } from './dto/bamboohr-webhook.dto';

export const BAMBOOHR_SOURCE = 'bamboohr';

export type BambooResultStatus = 'accepted' | 'duplicate' | 'ignored';

export interface BambooResult {
  bambooId: string;
  employeeId?: string;
  eventId: string;
  type?: LifecycleEvent['type'];
  status: BambooResultStatus;
}

/** BambooHR posts `{"value": "..."}` or the value itself, depending on the webhook's age and settings. */
function unwrapFields(fields: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(fields).map(([name, value]) => [
      name,
      value && typeof value === 'object' && !Array.isArray(value) && 'value' in value
        ? (value as { value: unknown }).value
        : value,
    ]),
  );
}

/**
 * Turns a BambooHR field-based webhook into lifecycle events: fields through
 * the source's mapping, Created/Updated/Deleted and the termination rule into
 * hire, change, rehire or terminate. A delivery is all or nothing: one invalid
 * employee refuses the whole request (400), so BambooHR's retry sees it again.
 */
@Injectable()
export class BambooWebhookService {
  private readonly mapping: SourceMappingConfig;

  constructor(
    private readonly inbox: InboxService,
    @Inject(HR_SOURCES) sources: HrSourcesConfig,
  ) {
    this.mapping = sources.mappingOf('bamboohr') ?? { fields: { id: 'employeeId' } };
  }

  async accept(body: BambooWebhookDto, now: Date = new Date()): Promise<BambooResult[]> {
    const receivedAt = now.toISOString();
    const records = body.employees.map((entry) => ({ entry, mapped: mapRecord(this.recordOf(entry), this.mapping) }));
    const known = await this.inbox.known(
      records.map(({ mapped }) => mapped.employee.employeeId).filter((id): id is string => id !== undefined),
    );
    const errors: FieldError[] = [];
    const results: BambooResult[] = [];
    const entries: InboxEntry[] = [];
    records.forEach(({ entry, mapped }, index) => {
      const employeeId = mapped.employee.employeeId;
      const person = employeeId === undefined ? undefined : known.get(employeeId);
      const { eventId, contentHash, repeat } = stateDelivery(BAMBOOHR_SOURCE, entry, person);
      if (repeat) {
        results.push({ bambooId: entry.id, employeeId, eventId, status: 'duplicate' });
        return;
      }
      if (entry.action === 'Deleted' && person === undefined) {
        // Nothing Tenure knows of was removed: there is no access to take away.
        results.push({ bambooId: entry.id, employeeId, eventId, status: 'ignored' });
        return;
      }
      const built = buildLifecycleEvent(
        {
          ...draftFromMapped(mapped),
          leaving: mapped.leaving || entry.action === 'Deleted',
          source: BAMBOOHR_SOURCE,
          eventId,
          receivedAt,
        },
        person,
        (field) => this.pathOf(index, mapped.sourceFieldOf[field] ?? this.sourceFieldFor(field)),
      );
      if (!built.ok) {
        errors.push(...built.errors);
        return;
      }
      entries.push({ event: built.event, contentHash });
      // A later entry for the same person in this delivery follows from this one.
      known.set(built.event.employee.employeeId, {
        employee: built.event.employee,
        lastType: built.event.type,
        lastEventId: eventId,
        lastContentHash: contentHash,
      });
      results.push({ bambooId: entry.id, employeeId, eventId, type: built.event.type, status: 'accepted' });
    });
    if (errors.length > 0) throw new BadRequestException({ errors });
    const acceptances = new Map((await this.inbox.acceptMany(entries)).map((a) => [a.eventId, a.status]));
    return results.map((result) => {
      if (result.status === 'ignored' || result.status === 'duplicate') return result;
      const status = acceptances.get(result.eventId) ?? 'duplicate';
      // A duplicate's type was decided when it was first accepted; today's guess would mislead.
      return status === 'accepted' ? result : { ...result, type: undefined, status };
    });
  }

  private recordOf(entry: BambooEmployeeDto): Record<string, unknown> {
    return { ...unwrapFields(entry.fields), id: entry.id };
  }

  /** The BambooHR field a Tenure field comes from, for fields the delivery did not carry. */
  private sourceFieldFor(field: string): string {
    const found = Object.entries(this.mapping.fields).find(([, target]) => target === field);
    return found ? found[0] : field;
  }

  private pathOf(index: number, sourceField: string): string {
    return sourceField === 'id' ? `employees[${index}].id` : `employees[${index}].fields.${sourceField}`;
  }
}
