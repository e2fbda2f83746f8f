import { Column, Entity, PrimaryColumn } from 'typeorm';

export const BATCH_STATUSES = ['waiting_approval', 'approved', 'rejected'] as const;
export type BatchStatus = (typeof BATCH_STATUSES)[number];

/** The runs held together because, with them, more people would lose access in one window than allowed. */
@Entity({ name: 'mass_change_batches' })
export class MassChangeBatchEntity {
  @PrimaryColumn({ name: 'batch_id', type: 'text' })
  batchId: string;

  @Column({ type: 'text' })
  status: BatchStatus;

  /** The window and limits in force when the batch opened. */
  @Column({ name: 'window', type: 'text' })
  window: string;

  @Column({ name: 'max_people', type: 'integer' })
  maxPeople: number;

  @Column({ name: 'max_people_deleted', type: 'integer' })
  maxPeopleDeleted: number;

  @Column({ name: 'opened_at', type: 'timestamptz' })
  openedAt: Date;

  /** A run held within a window of this joins the batch instead of opening another. */
  @Column({ name: 'last_held_at', type: 'timestamptz' })
  lastHeldAt: Date;

  @Column({ name: 'decided_by', type: 'text', nullable: true })
  decidedBy: string | null;

  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt: Date | null;

  @Column({ type: 'text', nullable: true })
  reason: string | null;
}
