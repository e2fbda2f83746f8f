import { SCIM_BULK_MAX_OPERATIONS } from './scim-bulk.service';

/** RFC 7643 §5: what Tenure's SCIM inbound endpoint supports. */
export function serviceProviderConfig(maxPayloadSize: number) {
  return {
    schemas: ['urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig'],
    patch: { supported: true },
    bulk: { supported: true, maxOperations: SCIM_BULK_MAX_OPERATIONS, maxPayloadSize },
    filter: { supported: false, maxResults: 0 },
    changePassword: { supported: false },
    sort: { supported: false },
    etag: { supported: false },
    authenticationSchemes: [
      { type: 'oauthbearertoken', name: 'Bearer token', description: 'Authorization: Bearer <TENURE_SCIM_TOKEN>' },
    ],
    meta: { resourceType: 'ServiceProviderConfig' },
  };
}
