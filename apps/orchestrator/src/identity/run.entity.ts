import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { RunState, RunStatus } from '@tenure/temporal-contracts';

/** A lifecycle run as the workflow last reported it; the ops API lists and explains runs from here. */
@Entity({ name: 'runs' })
export class RunEntity {
  @PrimaryColumn({ name: 'run_id', type: 'text' })
  runId: string;

  @Column({ name: 'employee_id', type: 'text' })
  employeeId: string;

  @Column({ name: 'event_id', type: 'text' })
  eventId: string;

  @Column({ name: 'event_type', type: 'text' })
  eventType: string;

  @Column({ type: 'text' })
  status: RunStatus;

  @Column({ name: 'effective_at', type: 'timestamptz' })
  effectiveAt: Date;

  @Column({ name: 'next_at', type: 'timestamptz', nullable: true })
  nextAt: Date | null;

  @Column({ type: 'jsonb' })
  state: RunState;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
