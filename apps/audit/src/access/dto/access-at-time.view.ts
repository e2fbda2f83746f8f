import { ApiProperty } from '@nestjs/swagger';
import type { AccessAtTime, ActiveAccount } from '../access.service';

export class ActiveAccountView implements ActiveAccount {
  employeeId!: string;
  appId!: string;
  @ApiProperty({ type: String, nullable: true })
  externalId!: string | null;
  /** When the account was last created or re-enabled. */
  @ApiProperty({ format: 'date-time' })
  activeSince!: string;
  /** Groups whose last recorded change before the moment was an add. */
  groups!: string[];
}

/** Who had access to what at a moment, from the recorded steps that succeeded. */
export class AccessAtTimeView implements AccessAtTime {
  @ApiProperty({ format: 'date-time' })
  at!: string;
  appId?: string;
  employeeId?: string;
  accounts!: ActiveAccountView[];
}
