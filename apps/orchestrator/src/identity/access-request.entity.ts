import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { AccessRequestRecord, AccessRequestStatus } from '@tenure/temporal-contracts';

/** A request for access beyond birthright, and the manager's decision on it. */
@Entity({ name: 'access_requests' })
export class AccessRequestEntity {
  @PrimaryColumn({ name: 'request_id', type: 'text' })
  requestId: string;

  @Column({ name: 'employee_id', type: 'text' })
  employeeId: string;

  @Column({ name: 'app_id', type: 'text' })
  appId: string;

  @Column({ type: 'text' })
  status: AccessRequestStatus;

  @Column({ type: 'jsonb' })
  record: AccessRequestRecord;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
