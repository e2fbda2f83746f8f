import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

export const ROLLOUT_STATUSES = ['applying', 'applied', 'waiting_approval', 'rejected'] as const;
export type RolloutStatus = (typeof ROLLOUT_STATUSES)[number];

/** One version of policy.yaml's rules and what became of its effect on the people Tenure manages. */
@Entity({ name: 'policy_rollouts' })
export class PolicyRolloutEntity {
  /** The policy's fingerprint: the same rules always give the same id. */
  @PrimaryColumn({ name: 'rollout_id', type: 'text' })
  rolloutId: string;

  @Column({ type: 'text' })
  status: RolloutStatus;

  /** People whose access the new rules change. */
  @Column({ type: 'integer' })
  people: number;

  /** People the new rules would take at least one account from. */
  @Column({ name: 'people_losing_access', type: 'integer' })
  peopleLosingAccess: number;

  /** Accounts the new rules would disable. */
  @Column({ name: 'accounts_disabled', type: 'integer' })
  accountsDisabled: number;

  /** The mass-change limit when the rollout was decided: more people losing access than this waits. */
  @Column({ name: 'max_people', type: 'integer' })
  maxPeople: number;

  @Column({ name: 'decided_by', type: 'text', nullable: true })
  decidedBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
