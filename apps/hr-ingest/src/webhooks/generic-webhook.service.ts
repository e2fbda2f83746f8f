import { BadRequestException, Injectable } from '@nestjs/common';
import { parseTime } from '@tenure/domain';
import { InboxService } from '../inbox/inbox.service';
import { Acceptance } from '../inbox/acceptance';
import { unstorableFields } from '../inbox/storable';
import { effectiveInstant } from '../sources/effective-instant';
import { GenericWebhookDto } from './dto/generic-webhook.dto';

export const GENERIC_SOURCE = 'generic';

/**
 * Turns a generic webhook into a lifecycle event: its time as a UTC instant
 * (a local time or a date alone, its midnight, read in employee.timeZone,
 * both already validated), defaults filled.
 */
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
      effectiveAt: body.effectiveAt
        ? effectiveInstant(parseTime(body.effectiveAt), body.employee.timeZone)
        : receivedAt,
      receivedAt,
      employee: { ...body.employee },
      ...(body.immediate !== undefined ? { immediate: body.immediate } : {}),
    });
  }
}
