import { BadRequestException, Injectable } from '@nestjs/common';
import { InboxService } from '../inbox/inbox.service';
import { Acceptance } from '../inbox/acceptance';
import { unstorableFields } from '../inbox/storable';
import { GenericWebhookDto } from './dto/generic-webhook.dto';

export const GENERIC_SOURCE = 'generic';

const HAS_OFFSET = /T.*(?:[zZ]|[+-]\d{2}(?::?\d{2})?)$/;

/**
 * An instant with an offset is normalised to UTC; a date, or a date-time
 * without offset, is passed on as HR wrote it: it is the person's local time,
 * which the orchestrator reads in their time zone.
 */
function normaliseEffectiveAt(value: string): string {
  return HAS_OFFSET.test(value) ? new Date(value).toISOString() : value;
}

/** Turns a generic webhook into a lifecycle event: times normalised to UTC, defaults filled. */
@Injectable()
export class GenericWebhookService {
  constructor(private readonly inbox: InboxService) {}

  accept(body: GenericWebhookDto, now: Date = new Date()): Promise<Acceptance> {
    const errors = unstorableFields(body.employee, 'employee');
    if (errors.length > 0) throw new BadRequestException({ errors });
    const receivedAt = now.toISOString();
    return this.inbox.accept({
      eventId: body.eventId,
      source: GENERIC_SOURCE,
      type: body.type,
      effectiveAt: body.effectiveAt ? normaliseEffectiveAt(body.effectiveAt) : receivedAt,
      receivedAt,
      employee: { ...body.employee },
      ...(body.immediate !== undefined ? { immediate: body.immediate } : {}),
    });
  }
}
