import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { RemovalRequest } from '@tenure/temporal-contracts';

export const ENTRY_STATUSES = ['admitted', 'held', 'approved', 'rejected', 'cancelled'] as const;
/** `admitted` counts in the window; `approved` was vouched for by an operator (or an approved rollout) and does not. */
export type EntryStatus = (typeof ENTRY_STATUSES)[number];

/** One run's phase that disables or deletes accounts, as the org-wide mass-change ledger decided it. */
@Entity({ name: 'mass_change_entries' })
export class MassChangeEntryEntity {
  /** `<runId>/<phase>`: the same phase asked about twice gets the same answer. */
  @PrimaryColumn({ name: 'entry_id', type: 'text' })
  entryId: string;

  @Column({ name: 'batch_id', type: 'text', nullable: true })
  batchId: string | null;

  @Column({ name: 'run_id', type: 'text' })
  runId: string;

  @Column({ name: 'employee_id', type: 'text' })
  employeeId: string;

  @Column({ name: 'event_id', type: 'text' })
  eventId: string;

  @Column({ name: 'event_type', type: 'text' })
  eventType: string;

  @Column({ type: 'text' })
  source: string;

  @Column({ type: 'text' })
  origin: string;

  @Column({ type: 'text' })
  phase: string;

  @Column({ type: 'boolean' })
  disables: boolean;

  @Column({ type: 'boolean' })
  deletes: boolean;

  @Column({ type: 'jsonb' })
  accounts: RemovalRequest['accounts'];

  @Column({ type: 'text' })
  status: EntryStatus;

  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @Column({ name: 'decided_by', type: 'text', nullable: true })
  decidedBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
