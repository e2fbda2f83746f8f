import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { AccessRequestRecord, AccessRequestStatus } from '@tenure/temporal-contracts';

export const ACCESS_REQUEST_STATUSES: AccessRequestStatus[] = ['pending', 'approved', 'denied', 'expired', 'revoked'];

/** An access request and where its decision stands. */
export class AccessRequestView implements AccessRequestRecord {
  requestId!: string;
  employeeId!: string;
  appId!: string;
  roles!: string[];
  groups!: string[];
  reason!: string;
  /** ISO date or instant when the extra access ends by itself. */
  endDate?: string;
  @ApiProperty({ enum: ACCESS_REQUEST_STATUSES })
  status!: AccessRequestStatus;
  requestedBy!: string;
  /** Owners of what is asked for, who approve as well as the manager. */
  owners?: string[];
  /** Who has approved so far, while more approvals are needed. */
  approvedBy?: string[];
  decidedBy?: string;
  @ApiPropertyOptional({ format: 'date-time' })
  decidedAt?: string;
  revokedBy?: string;
  @ApiPropertyOptional({ format: 'date-time' })
  revokedAt?: string;
  @ApiProperty({ format: 'date-time' })
  createdAt!: string;
}

export class AccessRequestListView {
  items!: AccessRequestView[];
}
