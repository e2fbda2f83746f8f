import { ApiProperty } from '@nestjs/swagger';
import { ROLLOUT_STATUSES, type RolloutStatus } from '../policy-rollout.entity';

/** One version of policy.yaml's rules and what became of its effect on the people Tenure manages. */
export class PolicyRolloutView {
  /** The policy's fingerprint: the same rules always give the same id. */
  rolloutId!: string;
  @ApiProperty({ enum: ROLLOUT_STATUSES })
  status!: RolloutStatus;
  /** People whose access the new rules change. */
  people!: number;
  /** People the new rules would take at least one account from. */
  peopleLosingAccess!: number;
  /** Accounts the new rules would disable. */
  accountsDisabled!: number;
  /** The mass-change limit when the rollout was decided. */
  maxPeople!: number;
  @ApiProperty({ type: String, nullable: true })
  decidedBy!: string | null;
  @ApiProperty({ format: 'date-time' })
  createdAt!: string;
  @ApiProperty({ format: 'date-time' })
  updatedAt!: string;
}

export class PolicyRolloutListView {
  items!: PolicyRolloutView[];
}
