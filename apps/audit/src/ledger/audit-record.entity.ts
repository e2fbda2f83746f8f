import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * One link of the audit chain. Rows are only ever inserted: the database
 * itself refuses UPDATE, DELETE and TRUNCATE (see the migration).
 */
@Entity({ name: 'audit_events' })
export class AuditRecordEntity {
  /** Position in the chain: 1, 2, 3… without gaps, so a removed row shows. */
  @PrimaryColumn({ type: 'bigint' })
  seq: string;

  @Column({ type: 'uuid', unique: true })
  id: string;

  @Column({ name: 'outcome_id', type: 'text', unique: true })
  outcomeId: string;

  @Column({ type: 'timestamptz' })
  at: Date;

  @Column({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt: Date;

  @Column({ name: 'employee_id', type: 'text' })
  employeeId: string;

  @Column({ name: 'app_id', type: 'text' })
  appId: string;

  @Column({ type: 'text' })
  action: string;

  @Column({ type: 'text' })
  outcome: string;

  @Column({ name: 'event_id', type: 'text' })
  eventId: string;

  @Column({ name: 'workflow_id', type: 'text' })
  workflowId: string;

  @Column({ type: 'text' })
  actor: string;

  @Column({ name: 'external_id', type: 'text', nullable: true })
  externalId: string | null;

  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @Column({ name: 'prev_hash', type: 'char', length: 64 })
  prevHash: string;

  @Column({ type: 'char', length: 64 })
  hash: string;
}
