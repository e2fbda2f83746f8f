import { ApiProperty } from '@nestjs/swagger';

export class ScimSupportedView {
  supported!: boolean;
}

export class ScimBulkSupportView {
  supported!: boolean;
  maxOperations!: number;
  maxPayloadSize!: number;
}

export class ScimFilterSupportView {
  supported!: boolean;
  maxResults!: number;
}

export class ScimAuthenticationSchemeView {
  type!: string;
  name!: string;
  description!: string;
}

export class ScimResourceMetaView {
  resourceType!: string;
}

/** RFC 7643 §5: what Tenure's SCIM inbound endpoint supports. */
export class ServiceProviderConfigView {
  @ApiProperty({ type: [String] })
  schemas!: string[];
  patch!: ScimSupportedView;
  bulk!: ScimBulkSupportView;
  filter!: ScimFilterSupportView;
  changePassword!: ScimSupportedView;
  sort!: ScimSupportedView;
  etag!: ScimSupportedView;
  authenticationSchemes!: ScimAuthenticationSchemeView[];
  meta!: ScimResourceMetaView;
}
