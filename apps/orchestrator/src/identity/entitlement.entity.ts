import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** What policy says a person should have in one app, and the rules that say so. */
@Entity({ name: 'entitlements' })
export class EntitlementEntity {
  @PrimaryColumn({ name: 'employee_id', type: 'text' })
  employeeId: string;

  @PrimaryColumn({ name: 'app_id', type: 'text' })
  appId: string;

  @Column({ type: 'jsonb' })
  roles: string[];

  @Column({ type: 'jsonb' })
  groups: string[];

  @Column({ type: 'jsonb' })
  rules: string[];

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
