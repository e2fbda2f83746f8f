import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { TOPICS } from '@tenure/contracts';
import type { LifecycleEvent } from '@tenure/domain';
import { OutboxMessageEntity } from '../outbox/outbox-message.entity';
import { OutboxRelayService } from '../outbox/outbox-relay.service';
import { Acceptance } from './acceptance';
import { InboxEventEntity } from './inbox-event.entity';

/**
 * Accepting means durable: the inbox row and its outbox message commit together
 * before the HR system hears yes. The unique (source, event id) makes a repeated
 * delivery a no-op that answers "duplicate".
 */
@Injectable()
export class InboxService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly relay: OutboxRelayService,
  ) {}

  async accept(event: LifecycleEvent): Promise<Acceptance> {
    const inserted = await this.dataSource.transaction(async (manager) => {
      const result = await manager
        .createQueryBuilder()
        .insert()
        .into(InboxEventEntity)
        .values({
          source: event.source,
          eventId: event.eventId,
          employeeId: event.employee.employeeId,
          type: event.type,
          effectiveAt: new Date(event.effectiveAt),
          receivedAt: new Date(event.receivedAt),
          payload: event,
        })
        .orIgnore()
        .returning(['id'])
        .execute();
      if (result.raw.length === 0) return false;
      await manager.insert(OutboxMessageEntity, {
        topic: TOPICS.hrLifecycle,
        messageKey: event.employee.employeeId,
        payload: event,
      });
      return true;
    });
    if (inserted) this.relay.wake();
    return { eventId: event.eventId, status: inserted ? 'accepted' : 'duplicate' };
  }
}
