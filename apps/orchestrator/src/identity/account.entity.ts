import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { AccountStatus } from '@tenure/domain';

/** A person's account in one app, with the app's own id for it. */
@Entity({ name: 'accounts' })
export class AccountEntity {
  @PrimaryColumn({ name: 'employee_id', type: 'text' })
  employeeId: string;

  @PrimaryColumn({ name: 'app_id', type: 'text' })
  appId: string;

  @Column({ type: 'text' })
  status: AccountStatus;

  @Column({ name: 'external_id', type: 'text', nullable: true })
  externalId: string | null;

  /** Why the last step failed, in the app's words; cleared by the next success. */
  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @Column({ name: 'last_event_id', type: 'text' })
  lastEventId: string;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
