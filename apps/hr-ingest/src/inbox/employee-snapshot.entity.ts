import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { Employee, LifecycleEventType } from '@tenure/domain';

/**
 * The last record Tenure accepted for a person, from any source. Sources that
 * send only what changed (a SCIM PATCH, a BambooHR update of one field) are
 * completed from it, and it tells a hire from a change or a rehire.
 */
@Entity({ name: 'employee_snapshots' })
export class EmployeeSnapshotEntity {
  @PrimaryColumn({ name: 'employee_id', type: 'text' })
  employeeId: string;

  @Column({ type: 'jsonb' })
  employee: Employee;

  @Column({ name: 'last_type', type: 'text' })
  lastType: LifecycleEventType;

  @Column({ name: 'last_event_id', type: 'text' })
  lastEventId: string;

  /** For sources that send state (SCIM): the hash of the request that produced the last event. */
  @Column({ name: 'last_content_hash', type: 'text', nullable: true })
  lastContentHash: string | null;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
