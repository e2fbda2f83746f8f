import { ApiProperty } from '@nestjs/swagger';
import { TENURE_ROLES, type TenureRole } from '@tenure/auth';

/** GET /api/me: who is signed in and what they may do. */
export class SignedInPerson {
  subject: string;

  @ApiProperty({ type: String, nullable: true })
  employeeId: string | null;

  name: string;

  @ApiProperty({ type: String, nullable: true })
  email: string | null;

  @ApiProperty({ enum: TENURE_ROLES, isArray: true })
  roles: TenureRole[];

  /** Sent back as the x-tenure-csrf header on every state-changing call. */
  csrfToken: string;

  /** When the session ends (the access token's expiry), ISO 8601. */
  @ApiProperty({ format: 'date-time' })
  expiresAt: string;
}

/** POST /auth/logout. */
export class SignedOut {
  @ApiProperty({ enum: [true] })
  signedOut: true;

  /** Where to end the provider's own session too, when it offers that. */
  providerSignOutUrl?: string;
}
