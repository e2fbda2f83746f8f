import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { Employee } from '@tenure/domain';
import type { EmployeeLifecycleState } from '@tenure/temporal-contracts';

/** A person as Tenure last heard of them from HR. */
@Entity({ name: 'people' })
export class PersonEntity {
  @PrimaryColumn({ name: 'employee_id', type: 'text' })
  employeeId: string;

  @Column({ type: 'text' })
  state: EmployeeLifecycleState;

  @Column({ type: 'jsonb' })
  attributes: Employee;

  @Column({ name: 'last_event_id', type: 'text' })
  lastEventId: string;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
