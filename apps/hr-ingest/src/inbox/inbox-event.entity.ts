import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, Unique } from 'typeorm';
import type { LifecycleEvent } from '@tenure/domain';

/** Every HR event Tenure said yes to, exactly once per source and event id. */
@Entity({ name: 'inbox_events' })
@Unique('inbox_events_source_event_id', ['source', 'eventId'])
export class InboxEventEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' })
  id: string;

  @Column({ type: 'text' })
  source: string;

  @Column({ name: 'event_id', type: 'text' })
  eventId: string;

  @Column({ name: 'employee_id', type: 'text' })
  employeeId: string;

  @Column({ type: 'text' })
  type: string;

  @Column({ name: 'effective_at', type: 'timestamptz' })
  effectiveAt: Date;

  @CreateDateColumn({ name: 'received_at', type: 'timestamptz' })
  receivedAt: Date;

  @Column({ type: 'jsonb' })
  payload: LifecycleEvent;
}
