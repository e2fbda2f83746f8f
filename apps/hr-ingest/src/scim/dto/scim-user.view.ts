import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { SCIM_ENTERPRISE_USER } from '../scim-schemas';

export class ScimNameView {
  givenName?: string;
  familyName?: string;
  formatted?: string;
}

export class ScimEmailView {
  value?: string;
  type?: string;
  @ApiPropertyOptional()
  primary?: boolean;
}

export class ScimAddressView {
  locality?: string;
  type?: string;
  @ApiPropertyOptional()
  primary?: boolean;
}

export class ScimManagerView {
  value?: string;
}

export class ScimEnterpriseUserView {
  employeeNumber?: string;
  department?: string;
  manager?: ScimManagerView;
}

export class ScimMetaView {
  resourceType!: string;
  location?: string;
}

/** A SCIM 2.0 User (RFC 7643 §4.1) as Tenure holds it, with the enterprise extension. */
export class ScimUserView {
  schemas?: string[];
  id?: string;
  externalId?: string;
  userName?: string;
  displayName?: string;
  name?: ScimNameView;
  title?: string;
  userType?: string;
  timezone?: string;
  @ApiPropertyOptional()
  active?: boolean;
  emails?: ScimEmailView[];
  addresses?: ScimAddressView[];
  @ApiPropertyOptional({ name: SCIM_ENTERPRISE_USER, type: ScimEnterpriseUserView })
  enterprise?: ScimEnterpriseUserView;
  meta?: ScimMetaView;
}

export class ScimBulkOperationView {
  method!: string;
  bulkId?: string;
  location?: string;
  /** The HTTP status of the operation, as a string (RFC 7644 §3.7). */
  status!: string;
  /** The error of a failed operation (or the resource, when asked). */
  @ApiPropertyOptional({ type: 'object', additionalProperties: true })
  response?: Record<string, unknown>;
}

/** RFC 7644 §3.7: each operation's outcome. */
export class ScimBulkResponseView {
  @ApiProperty({ type: [String], example: ['urn:ietf:params:scim:api:messages:2.0:BulkResponse'] })
  schemas!: string[];
  Operations!: ScimBulkOperationView[];
}
