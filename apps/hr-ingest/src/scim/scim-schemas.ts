import SCIMMY from 'scimmy';

export const SCIM_CORE_USER = 'urn:ietf:params:scim:schemas:core:2.0:User';
export const SCIM_ENTERPRISE_USER = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
export const SCIM_ERROR = 'urn:ietf:params:scim:api:messages:2.0:Error';
export const SCIM_BULK_REQUEST = 'urn:ietf:params:scim:api:messages:2.0:BulkRequest';
export const SCIM_BULK_RESPONSE = 'urn:ietf:params:scim:api:messages:2.0:BulkResponse';
export const SCIM_PATCH_OP = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
export const SCIM_CONTENT_TYPES = ['application/scim+json', 'application/json'];

let extended = false;

/** SCIMMY's User schema with the enterprise extension (employeeNumber, department, manager), declared once. */
export function scimUserSchema(): typeof SCIMMY.Schemas.User {
  if (!extended) {
    // SCIMMY's typings want a schema instance; at run time it takes the schema class, as its docs show.
    SCIMMY.Schemas.User.extend(SCIMMY.Schemas.EnterpriseUser as unknown as SCIMMY.Types.Schema, false);
    extended = true;
  }
  return SCIMMY.Schemas.User;
}
